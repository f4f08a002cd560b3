using System.Text.RegularExpressions;
using Cnnexp.Results;
using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>
/// What one hook file registers. A `.csx` script runs with a <see cref="HookSet"/> as its globals,
/// so its top-level code calls <c>Layer(...)</c>, <c>OnEpochEnd(...)</c>, <c>Metric(...)</c> and so on
/// directly. F# and C# programs can build one in code and pass it in the run settings.
/// Registering methods return nothing; each name is used for one kind of hook only.
/// </summary>
public class HookSet
{
    static readonly Regex MetricName = new("^[a-z][a-z0-9_]*$");

    readonly List<Action<RunStart>> runStart = [];
    readonly List<Action<EpochEnd>> epochEnd = [];
    readonly List<Action<BatchEnd>> batchEnd = [];
    readonly List<Action<RunEnd>> runEnd = [];
    readonly List<MetricHook> metrics = [];
    readonly List<FigureHook> figures = [];

    /// <param name="name">How messages name this hook: the script's path for scripts.</param>
    /// <param name="directory">The folder a script lives in (for files it reads); default: the current folder.</param>
    public HookSet(string name = "hooks", string? directory = null)
    {
        Name = name;
        ScriptDirectory = directory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The hook's name in messages: the script's path, as the spec names it.</summary>
    public string Name { get; }

    /// <summary>The folder of the script, to read files that sit beside it.</summary>
    public string ScriptDirectory { get; }

    /// <summary>Registers this file's layer (used by `- script: { path: ... }` in a model's `layers`). Once per file.</summary>
    public void Layer(Func<LayerContext, LayerBuild> build)
    {
        if (LayerBuilder is not null) throw new InvalidOperationException($"{Name} calls Layer(...) twice; a script defines one layer");
        LayerBuilder = build;
    }

    /// <summary>Registers this file's input transform (used by `- script: { path: ... }` in a model's `input`). Once per file.</summary>
    public void Transform(Func<TransformContext, TransformBuild> build)
    {
        if (TransformBuilder is not null) throw new InvalidOperationException($"{Name} calls Transform(...) twice; a script defines one transform");
        TransformBuilder = build;
    }

    /// <summary>Called once when training starts (after the data loaded), also when a run resumes.</summary>
    public void OnRunStart(Action<RunStart> callback) => runStart.Add(callback);

    /// <summary>Called after every epoch of every model and seed, before the epoch is saved: sees its metrics, may record values and ask to stop.</summary>
    public void OnEpochEnd(Action<EpochEnd> callback) => epochEnd.Add(callback);

    /// <summary>Called after every training step (gradients still there), with the batch's tensors.</summary>
    public void OnBatchEnd(Action<BatchEnd> callback) => batchEnd.Add(callback);

    /// <summary>Called once when every model and seed finished and summary.json is written (not after an interruption).</summary>
    public void OnRunEnd(Action<RunEnd> callback) => runEnd.Add(callback);

    /// <summary>
    /// A metric from a split's logits (N, classes) and labels (N) to one number, computed on the test
    /// set after every epoch, written to metrics.csv as <c>test_NAME</c> and drawn as figures/metric_NAME.png.
    /// </summary>
    /// <param name="name">Lower case letters, digits and `_`, starting with a letter, e.g. <c>top2</c>.</param>
    public void Metric(string name, Func<Tensor, Tensor, double> compute)
    {
        if (!MetricName.IsMatch(name))
            throw new ArgumentException($"metric name `{name}` must be lower case letters, digits and `_`, starting with a letter (it becomes the column test_{name})", nameof(name));
        if (metrics.Exists(m => m.Name == name)) throw new ArgumentException($"{Name} registers metric `{name}` twice", nameof(name));
        metrics.Add(new MetricHook(name, compute));
    }

    /// <summary>A figure drawn on a SkiaSharp canvas from the finished run, saved as figures/NAME.png and .svg.</summary>
    /// <param name="name">Lower case letters, digits, `_` and `-`, e.g. <c>gradnorm</c>.</param>
    public void Figure(string name, Action<FigureContext> draw, int width = 1000, int height = 600)
    {
        if (!Regex.IsMatch(name, "^[a-z][a-z0-9_-]*$"))
            throw new ArgumentException($"figure name `{name}` must be lower case letters, digits, `_` and `-`, starting with a letter (it names figures/{name}.png)", nameof(name));
        if (width is < 16 or > 8000 || height is < 16 or > 8000)
            throw new ArgumentException($"figure `{name}`: {width}x{height} pixels is outside 16..8000", nameof(width));
        if (figures.Exists(f => f.Name == name)) throw new ArgumentException($"{Name} registers figure `{name}` twice", nameof(name));
        figures.Add(new FigureHook(name, draw, width, height));
    }

    /// <summary>The layer builder registered with <see cref="Layer"/>, if any.</summary>
    public Func<LayerContext, LayerBuild>? LayerBuilder { get; private set; }

    /// <summary>The transform builder registered with <see cref="Transform"/>, if any.</summary>
    public Func<TransformContext, TransformBuild>? TransformBuilder { get; private set; }

    public IReadOnlyList<Action<RunStart>> RunStartCallbacks => runStart;
    public IReadOnlyList<Action<EpochEnd>> EpochEndCallbacks => epochEnd;
    public IReadOnlyList<Action<BatchEnd>> BatchEndCallbacks => batchEnd;
    public IReadOnlyList<Action<RunEnd>> RunEndCallbacks => runEnd;
    public IReadOnlyList<MetricHook> Metrics => metrics;
    public IReadOnlyList<FigureHook> Figures => figures;

    /// <summary>True when the file registers something `hooks:` runs (callbacks, metrics or figures).</summary>
    public bool HasRunHooks => runStart.Count + epochEnd.Count + batchEnd.Count + runEnd.Count + metrics.Count + figures.Count > 0;
}
