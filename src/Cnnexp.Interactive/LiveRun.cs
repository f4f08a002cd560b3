using Cnnexp.Spec.Model;

namespace Cnnexp.Interactive;

/// <summary>
/// A running experiment's progress in a notebook cell, updated in place: a progress bar over every unit
/// (model × seed) and the latest epoch of each. <see cref="Show"/> displays it; hand it to the run as its
/// progress sink (<c>Experiment.RunAsync(spec, progress: live)</c>, or <c>OnProgress = live.Report</c> from
/// F#). It repaints in place (<see cref="LiveDisplay"/>): at most every half second for batches, at once for
/// finished epochs, and a last time when disposed.
/// </summary>
public sealed class LiveRun : IProgress<TrainingProgress>, IDisposable
{
    static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(500);

    readonly LiveRunState state;
    readonly object gate = new();
    LiveDisplay? display;
    DateTime lastPaint = DateTime.MinValue;

    LiveRun(string name, int expectedUnits) => state = new LiveRunState(name, expectedUnits);

    /// <summary>
    /// Shows the progress of a run of <paramref name="spec"/> in the current cell (0% until the first batch).
    /// The number of units comes from the plan: every model (swept variants too) times every seed.
    /// </summary>
    public static LiveRun Show(ExperimentSpec spec)
    {
        var plan = Experiment.Plan(spec);
        var live = new LiveRun(spec.Name, plan.Ok ? plan.Plan!.Models.Count * spec.RunSeeds.Count : 0);
        live.display = LiveDisplay.Show(live);
        return live;
    }

    /// <summary>The progress as HTML, as the cell shows it now.</summary>
    public string Html() => LiveRunView.Render(Snapshot());

    internal LiveRunState Snapshot()
    {
        lock (gate) return state.Copy();
    }

    /// <summary>A report from <see cref="Experiment.RunAsync"/> (called on the training threads).</summary>
    public void Report(TrainingProgress value)
    {
        bool paint;
        lock (gate)
        {
            state.Apply(value);
            paint = value.Kind != TrainingProgressKind.Batch || DateTime.UtcNow - lastPaint >= BatchInterval;
            if (paint) lastPaint = DateTime.UtcNow;
        }
        if (paint) Repaint();
    }

    /// <summary>A report from the F# modules' run (<c>RunOptions.OnProgress</c>).</summary>
    public void Report(FSharp.Progress value) => Report(LiveRunState.FromFSharp(value));

    /// <summary>Repaints once more, with everything reported so far.</summary>
    public void Dispose()
    {
        lock (gate) state.Finished = true;
        Repaint();
    }

    void Repaint() => display?.Update(this);
}
