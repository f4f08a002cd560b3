using System.Text.RegularExpressions;
using Cnnexp.Engine.Training;
using Cnnexp.Hooks;
using Cnnexp.Results;
using Cnnexp.Scripting.Loading;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// One run's hooks connected to the engine's callbacks. Every call into a hook is guarded: an
/// exception becomes a <see cref="HookException"/> naming the hook, the event, the model, seed and
/// epoch; it fails that model/seed only (the engine keeps finished epochs and goes on). Failures at
/// run end and in figures, after all training, are collected in <see cref="Failures"/> instead.
/// </summary>
public sealed class HookRun
{
    static readonly Regex ColumnName = new("^[A-Za-z][A-Za-z0-9_.-]*$");

    readonly IReadOnlyList<HookSet> sets;
    readonly LoadedHooks? loaded;
    readonly IReadOnlyCollection<string> sources;
    readonly TrainingPosition position;
    readonly List<string> failures = [];
    readonly Dictionary<(string Model, int Seed, int Epoch), Dictionary<string, (double Sum, int Count)>> batchValues = [];
    readonly Dictionary<(string Model, int Seed), string> stops = [];
    readonly Action<string>? echo;
    Action<string> log = _ => { };
    string? outDir;

    /// <param name="sets">Hook sets in the order they run: the spec's `hooks:` files, then hooks given in code.</param>
    /// <param name="loaded">The spec's loaded scripts (for hooks.json and error places); null when there are none.</param>
    /// <param name="echo">Where log lines go besides run.log (the console), also after training, when figures are drawn.</param>
    public HookRun(IReadOnlyList<HookSet> sets, LoadedHooks? loaded, Action<string>? echo = null)
    {
        (this.sets, this.loaded, this.echo) = (sets, loaded, echo);
        sources = loaded?.AllSources ?? [];
        position = loaded?.Position ?? new TrainingPosition();
    }

    /// <summary>Hook failures that did not stop training (run end, figures).</summary>
    public IReadOnlyList<string> Failures => failures;

    public IReadOnlyList<MetricHook> Metrics => sets.SelectMany(s => s.Metrics).ToList();

    /// <summary><paramref name="inner"/> with every hook added; the inner callbacks run first.</summary>
    public TrainingCallbacks Wrap(TrainingCallbacks inner) => inner with
    {
        RunStart = s => { inner.RunStart?.Invoke(s); Start(s); },
        RunEnd = summary => { inner.RunEnd?.Invoke(summary); End(); },
        Batch = b => { (position.Model, position.Seed, position.Epoch) = (b.Model, b.Seed, b.Epoch); inner.Batch?.Invoke(b); },
        Step = sets.Any(s => s.BatchEndCallbacks.Count > 0) ? step => { inner.Step?.Invoke(step); OnStep(step); } : inner.Step,
        Metrics = [.. inner.Metrics, .. sets.SelectMany(s => s.Metrics.Select(m => Guarded(s, m)))],
        Review = r => Merge(inner.Review?.Invoke(r), OnReview(r)),
        StopRequest = m => inner.StopRequest?.Invoke(m) ?? TakeStop(m.Model, m.Seed),
    };

    void Start(RunStarting s)
    {
        (log, outDir) = (s.Log, s.OutDir);
        if (loaded is { Scripts.Count: > 0 }) HookRecordCheck.Verify(s.OutDir, loaded);
        foreach (var set in sets)
            foreach (var callback in set.RunStartCallbacks)
                Invoke(set, "at run start", "", () => callback(new RunStart(s.Name, s.OutDir, s.Models, s.Seeds, s.Resuming, LogFor(set))));
    }

    void OnStep(TrainingStep step)
    {
        var p = step.Progress;
        (position.Model, position.Seed, position.Epoch) = (p.Model, p.Seed, p.Epoch);
        if (!batchValues.TryGetValue((p.Model, p.Seed, p.Epoch), out var values)) batchValues[(p.Model, p.Seed, p.Epoch)] = values = [];
        foreach (var set in sets)
            foreach (var callback in set.BatchEndCallbacks)
                Invoke(set, "at batch end", $" (model {p.Model}, seed {p.Seed}, epoch {p.Epoch}, batch {p.Batch})", () => callback(new BatchEnd(
                    p.Model, p.Seed, p.Epoch, p.Epochs, p.Batch, p.Batches, step.Loss, step.Network, step.Images, step.Labels, step.Logits,
                    (name, v) => { var (sum, n) = values.GetValueOrDefault(Column(name)); values[name] = (sum + v, n + 1); },
                    reason => Stop(p.Model, p.Seed, set, reason), LogFor(set))));
    }

    IReadOnlyDictionary<string, double> OnReview(EpochReview r)
    {
        var m = r.Metrics;
        var key = (m.Model, m.Seed, m.Epoch);
        var values = batchValues.Remove(key, out var sums) ? sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum / kv.Value.Count) : [];
        var seen = m with { Extra = new Dictionary<string, double>(m.Extra.Concat(values)) };
        foreach (var set in sets)
            foreach (var callback in set.EpochEndCallbacks)
                Invoke(set, "at epoch end", $" (model {m.Model}, seed {m.Seed}, epoch {m.Epoch})", () => callback(new EpochEnd(
                    seen, r.Epochs, r.Network, (name, v) => values[Column(name)] = v, reason => Stop(m.Model, m.Seed, set, reason), LogFor(set))));
        return values;
    }

    void End()
    {
        log = AfterRun(outDir!, echo);                                // the engine's run log closes when the run returns
        foreach (var set in sets)
            foreach (var callback in set.RunEndCallbacks)
                try { Invoke(set, "at run end", "", () => callback(new RunEnd(FinishedRun.Read(outDir!), LogFor(set)))); }
                catch (HookException e) { Fail(e.Message); }
    }

    CustomMetric Guarded(HookSet set, MetricHook metric) => new(metric.Name, (logits, labels) =>
    {
        double value = double.NaN;
        Invoke(set, $"computing metric `{metric.Name}`", position.Describe(), () => value = metric.Compute(logits, labels));
        return value;
    });

    /// <summary>Records that could not be taken as run failures (e.g. a figure that threw).</summary>
    public void Fail(string message)
    {
        failures.Add(message);
        log(message);
    }

    /// <summary>"InvalidOperationException: boom (at hooks/x.csx:12)".</summary>
    internal string Describe(Exception e) => ScriptErrors.Describe(e, sources);

    void Invoke(HookSet set, string @event, string where, Action call)
    {
        try { call(); }
        catch (Exception e) when (e is not OperationCanceledException and not HookException)
        {
            throw new HookException(set.Name, @event, where, e, sources);
        }
    }

    void Stop(string model, int seed, HookSet set, string reason) => stops.TryAdd((model, seed), $"stopped by {set.Name}: {reason}");

    string? TakeStop(string model, int seed) => stops.Remove((model, seed), out string? reason) ? reason : null;

    /// <summary>Appends to run.log in the engine's format, for messages after training (figures).</summary>
    static Action<string> AfterRun(string dir, Action<string>? echo) => line =>
    {
        File.AppendAllText(Path.Combine(dir, RunFiles.Log), $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {line}\n");
        echo?.Invoke(line);
    };

    Action<string> LogFor(HookSet set) => message => log($"[{set.Name}] {message}");

    static string Column(string name) =>
        !ColumnName.IsMatch(name) ? throw new ArgumentException($"`{name}` cannot be a metrics.csv column: use letters, digits, `_`, `.` and `-`, starting with a letter")
        : MetricsCsv.IsBuiltin(name) ? throw new ArgumentException($"`{name}` is a built-in column of metrics.csv; record under another name")
        : name;

    static IReadOnlyDictionary<string, double>? Merge(IReadOnlyDictionary<string, double>? a, IReadOnlyDictionary<string, double> b) =>
        a is null ? b : new Dictionary<string, double>(a.Concat(b).GroupBy(kv => kv.Key).Select(g => g.Last()));
}
