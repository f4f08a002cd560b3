using Cnnexp.Figures;

namespace Cnnexp.Interactive;

/// <summary>
/// One figure of a finished run, for a notebook cell: <c>Figure.Show(run, "curves")</c>. Built-in figures are
/// drawn from the run directory alone (<see cref="Experiment.Figure"/>, as <c>cnnexp report</c> draws them);
/// a hook figure is shown from the PNG its hook wrote.
/// </summary>
public static class Figure
{
    /// <summary>The figure NAME of the run in <paramref name="runDir"/>. Unknown names throw, listing the known ones.</summary>
    public static FigureView Show(string runDir, string name)
    {
        string png = Path.Combine(runDir, Results.RunFiles.FiguresDir, name + ".png");
        if (FigureCatalog.Find(name) is null && File.Exists(png)) return new FigureView(name, name, "", png);
        return FigureView.Of(Experiment.Figure(runDir, name));
    }

    public static FigureView Show(RunResult run, string name) => Show(run.OutDir, name);

    public static FigureView Show(Results.FinishedRun run, string name) => Show(run.Dir, name);

    public static FigureView Show(FSharp.Run run, string name) => Show(run.Dir, name);
}
