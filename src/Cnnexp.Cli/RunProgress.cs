using System.Globalization;
using Cnnexp.Engine.Training;
using Spectre.Console;

namespace Cnnexp.Cli;

/// <summary>
/// A live display (one bar per model and seed: epoch, batch, loss, images/s, ETA) on a terminal;
/// plain one-line-per-epoch logs when output is redirected (CI, pipes); nothing with --quiet.
/// </summary>
sealed class RunProgress(IAnsiConsole console, bool quiet)
{
    bool live;

    public Action<string>? Log => quiet || live ? null : line => console.Profile.Out.Writer.WriteLine(line);

    public T Run<T>(Func<TrainingCallbacks, T> run)
    {
        live = !quiet && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (!live) return run(new TrainingCallbacks());
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<(string, int), ProgressTask>();
                return run(new TrainingCallbacks
                {
                    Batch = b =>
                    {
                        if (!tasks.TryGetValue((b.Model, b.Seed), out var task))
                            tasks[(b.Model, b.Seed)] = task = ctx.AddTask(b.Model, maxValue: (double)b.Epochs * b.Batches);
                        task.Value = (b.Epoch - 1) * (double)b.Batches + b.Batch;
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"{Markup.Escape(b.Model)} seed {b.Seed}  epoch {b.Epoch}/{b.Epochs}  loss {b.RunningLoss:F3}  {b.ImagesPerSecond:F0} img/s");
                    },
                });
            });
    }
}
