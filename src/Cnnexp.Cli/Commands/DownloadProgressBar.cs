using Spectre.Console;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// Shows download progress: a live bar on a terminal, one line per 10% otherwise (logs, CI),
/// so a long download never looks like a hang.
/// </summary>
static class DownloadProgressBar
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Cnnexp.DataSettings options, Func<Cnnexp.DataSettings, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(options with { Progress = new Lines(console) });
        return await console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(ctx => work(options with { Progress = new Bar(ctx) }));
    }

    sealed class Bar(ProgressContext context) : IProgress<DownloadStatus>
    {
        readonly Dictionary<string, ProgressTask> tasks = new();

        public void Report(DownloadStatus p)
        {
            lock (tasks)
            {
                if (!tasks.TryGetValue(p.File, out var task))
                    tasks[p.File] = task = context.AddTask(p.File, maxValue: p.Total ?? 1);
                if (p.Total is long total) task.MaxValue = total;
                task.Value = p.Received;
            }
        }
    }

    sealed class Lines(IAnsiConsole console) : IProgress<DownloadStatus>
    {
        readonly Dictionary<string, int> shown = new();

        public void Report(DownloadStatus p)
        {
            int tenth = p.Total is > 0 ? (int)(10 * p.Received / p.Total.Value) : 0;
            lock (shown)
            {
                if (shown.TryGetValue(p.File, out int last) && last >= tenth) return;
                shown[p.File] = tenth;
            }
            console.WriteLine(p.Total is > 0
                ? $"{p.File}: {tenth * 10}% of {p.Total.Value:N0} bytes"
                : $"{p.File}: {p.Received:N0} bytes");
        }
    }
}
