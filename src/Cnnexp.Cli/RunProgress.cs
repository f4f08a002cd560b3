using System.Globalization;
using Spectre.Console;

namespace Cnnexp.Cli;

/// <summary>
/// A live display (one bar per model and seed: epoch, batch, loss, images/s, ETA) on a terminal, with
/// the run log's lines (warnings, notes, epochs, decisions) printed above the bars; plain log lines
/// when output is redirected (CI, pipes); nothing with --quiet.
/// </summary>
/// <param name="terminal">Whether output goes to a terminal that can redraw the bars (null: ask the console and the process).</param>
sealed class RunProgress(IAnsiConsole console, bool quiet, bool? terminal = null)
{
    bool Live => !quiet && (terminal ?? (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected));

    /// <summary>Where the run's log lines go without a live display (with one, they arrive as progress messages).</summary>
    public Action<string>? Log => quiet || Live ? null : line => console.Profile.Out.Writer.WriteLine(line);

    /// <summary>Runs <paramref name="run"/>, handing it the progress sink of the live display (null without one).</summary>
    public T Run<T>(Func<IProgress<TrainingProgress>?, T> run)
    {
        if (!Live) return run(null);
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<(string, int), ProgressTask>();
                return run(new Reports(b =>
                {
                    lock (tasks)                                             // units side by side report from their own threads
                    {
                        if (b.Kind == TrainingProgressKind.Message && b.Message is { } line)
                        {
                            console.WriteLine(line);                             // above the bars: the live display redraws below it
                            return;
                        }
                        if (b.Kind != TrainingProgressKind.Batch) return;
                        if (!tasks.TryGetValue((b.Model, b.Seed), out var task))
                            tasks[(b.Model, b.Seed)] = task = ctx.AddTask(b.Model, maxValue: (double)b.Epochs * b.Batches);
                        task.Value = (b.Epoch - 1) * (double)b.Batches + b.Batch;
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"{Markup.Escape(b.Model)} seed {b.Seed}  epoch {b.Epoch}/{b.Epochs}  loss {b.Loss:F3}  {b.ImagesPerSecond:F0} img/s");
                    }
                }));
            });
    }

    /// <summary>Reports handled at once on the reporting thread (<see cref="Progress{T}"/> would post them to a context the console has not).</summary>
    sealed class Reports(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
