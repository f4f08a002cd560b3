namespace Cnnexp.Engine.Training;

/// <summary>
/// Callbacks of units training side by side, called one at a time: a hook or a live display may keep
/// state without locks of its own. Events of different units interleave; each unit's come in order.
/// </summary>
static class CallbackGate
{
    public static TrainingCallbacks Serialise(TrainingCallbacks c)
    {
        var gate = new object();
        return c with
        {
            Batch = c.Batch is { } batch ? b => { lock (gate) batch(b); } : null,
            Epoch = c.Epoch is { } epoch ? m => { lock (gate) epoch(m); } : null,
            StopRequest = c.StopRequest is { } stop ? m => { lock (gate) return stop(m); } : null,
            Step = c.Step is { } step ? s => { lock (gate) step(s); } : null,
            Review = c.Review is { } review ? r => { lock (gate) return review(r); } : null,
            Metrics = c.Metrics.Select(m => m with { Compute = Gated(gate, m.Compute) }).ToList(),
        };
    }

    static Func<T1, T2, double> Gated<T1, T2>(object gate, Func<T1, T2, double> f) => (a, b) => { lock (gate) return f(a, b); };
}
