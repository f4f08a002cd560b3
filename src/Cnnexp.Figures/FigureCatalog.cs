using Cnnexp.Figures.Catalog;

namespace Cnnexp.Figures;

/// <summary>Every figure cnnexp draws, by name, in the order the report shows them.</summary>
public static class FigureCatalog
{
    public static IReadOnlyList<Figure> All { get; } =
    [
        new SamplesFigure(), new TransformsFigure(), new ShapesFigure(), new ChannelContributionsFigure(),
        new FiltersFigure(), new FeatureMapsFigure(), new CurvesFigure(), new LossFigure(),
        new AccuracyFigure(), new SequentialFigure(), new ConfusionFigure(), new PerClassFigure(),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToList();

    public static Figure? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
