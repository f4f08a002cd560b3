namespace Cnnexp.Cli;

/// <summary>The first Ctrl-C asks the run to stop after the current batch; the second ends the process.</summary>
sealed class CancelOnCtrlC : IDisposable
{
    readonly CancellationTokenSource source = new();

    public CancelOnCtrlC() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => source.Token;

    void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested) return;   // second Ctrl-C: let the process end
        e.Cancel = true;
        source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        source.Dispose();
    }
}
