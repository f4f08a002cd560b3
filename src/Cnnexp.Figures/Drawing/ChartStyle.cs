using ScottPlot;
using ScottPlot.TickGenerators;

namespace Cnnexp.Figures.Drawing;

/// <summary>One look for every ScottPlot chart: the embedded font, readable sizes, quiet grid.</summary>
public static class ChartStyle
{
    public const float AxisLabelSize = 17, TickSize = 14, LegendSize = 15, PanelTitleSize = 18;

    /// <summary>A new plot in the house style. Call before adding plottables.</summary>
    public static Plot NewPlot()
    {
        EmbeddedFonts.InstallForScottPlot();
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#E6E6E6");
        plot.Axes.Color(Color.FromHex("#333333"));
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Colors.Black;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Axes.Title.Label.FontSize = PanelTitleSize;
        plot.Axes.Title.Label.ForeColor = Colors.Black;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        return plot;
    }

    /// <summary>Whole numbers only on the bottom axis (epochs, counts).</summary>
    public static void IntegerTicksX(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Category names at 0, 1, 2, … on the bottom axis.</summary>
    public static void CategoryTicksX(Plot plot, IReadOnlyList<string> names, float rotation = 0)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), names.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.Rotation = rotation;
        if (rotation == 0) return;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        // Room for the slanted labels and the axis label under them (ScottPlot sizes the panel for upright text).
        float widest = names.Count == 0 ? 0 : names.Max(n => FigureCanvas.Measure(n, new TextStyle(plot.Axes.Bottom.TickLabelStyle.FontSize, false, SkiaSharp.SKColors.Black)));
        double angle = rotation * Math.PI / 180;
        plot.Axes.Bottom.MinimumSize = (float)(widest * Math.Sin(angle) + TickSize * Math.Cos(angle)) + AxisLabelSize + 28;
    }
}
