namespace Cnnexp.Engine.Training;

/// <summary>
/// Runs units in spec order, <c>jobs</c> at a time, each on a thread of its own (libtorch work of one
/// unit stays on one thread, with its own dispose scopes). The first failure other than an
/// interruption is rethrown once every running unit has stopped; an interruption stops every unit
/// after its current batch and rethrows <see cref="OperationCanceledException"/>.
/// </summary>
static class UnitScheduler
{
    public static void Run<T>(IReadOnlyList<T> units, int jobs, Action<T, CancellationToken> run, CancellationToken cancel)
    {
        if (jobs <= 1 || units.Count <= 1)
        {
            foreach (var unit in units) run(unit, cancel);
            return;
        }
        int next = -1;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var threads = Enumerable.Range(0, Math.Min(jobs, units.Count)).Select(i => new Thread(() =>
        {
            for (int k; !stop.IsCancellationRequested && (k = Interlocked.Increment(ref next)) < units.Count;)
            {
                try { run(units[k], stop.Token); }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    if (e is not OperationCanceledException) stop.Cancel();    // a data error stops the other units too, as it would alone
                    return;
                }
            }
        }) { Name = $"cnnexp unit {i + 1}", IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        var failure = errors.FirstOrDefault(e => e is not OperationCanceledException);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        cancel.ThrowIfCancellationRequested();
        if (!errors.IsEmpty) throw errors.First();
    }
}
