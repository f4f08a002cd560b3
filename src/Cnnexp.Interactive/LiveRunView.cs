using System.Globalization;
using System.Text;

namespace Cnnexp.Interactive;

/// <summary>A <see cref="LiveRun"/> as HTML: a bar over all units, then one row per unit with its latest finished epoch.</summary>
static class LiveRunView
{
    static readonly string[] Headers = ["model", "seed", "epoch", "batch", "train loss", "test accuracy", "images/s"];

    public static string Render(LiveRunState s)
    {
        var h = new StringBuilder();
        string percent = (100 * s.Fraction).ToString("0", CultureInfo.InvariantCulture);
        string units = s.ExpectedUnits > 0 ? $"{s.Units.Count(u => u.Fraction >= 1)} of {s.ExpectedUnits} units done" : $"{s.Units.Count} unit(s)";
        string what = s.Finished ? "trained" : s.Units.Count == 0 ? "waiting for the first batch" : "training";
        h.Append($"<p><b>{Html.E(s.Name)}</b>: {what}; {units}</p>\n")
         .Append($"<p><span class=\"bar\" role=\"progressbar\" aria-valuenow=\"{percent}\" aria-valuemin=\"0\" aria-valuemax=\"100\">")
         .Append($"<span style=\"width:{percent}%\"></span></span> <span class=\"percent\">{percent}%</span></p>\n");
        if (s.Units.Count > 0) Html.Table(h, "cnnexp-progress", Headers, s.Units.Select(Row), numericFrom: 1);
        if (s.LastMessage is { Length: > 0 } m) h.Append($"<p><code>{Html.E(m)}</code></p>\n");
        return Html.View("progress", h);
    }

    static string[] Row(UnitProgress u)
    {
        var last = u.LastEpoch;
        bool running = u.Batches > 0 && u.Epoch > (last?.Epoch ?? 0);
        return
        [
            u.Model, I(u.Seed), u.Epochs > 0 ? $"{I(u.Epoch)}/{I(u.Epochs)}" : I(u.Epoch),
            running ? $"{I(u.Batch)}/{I(u.Batches)}" : "–",
            running ? F(u.RunningLoss, "0.0000") : last is null ? "–" : F(last.TrainLoss, "0.0000"),
            last is null ? "–" : (100 * last.TestAccuracy).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            u.ImagesPerSecond > 0 ? F(u.ImagesPerSecond, "N0") : "–",
        ];
    }

    static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
    static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
