using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Model;

/// <summary>
/// Where a model's initial weights come from (fine-tuning, transfer): a model of a cnnexp run (this
/// run or another), or a safetensors or PyTorch state_dict file. Every tensor must match by name and
/// shape; the engine checks that before any training (Cnnexp.Engine.Training.InitialWeights).
/// </summary>
[Section("Initial weights of a model, for fine-tuning and transfer: a model of this run or of an earlier one, or a safetensors or PyTorch state_dict file. Every tensor must match the model's by name and shape, checked before any training; `map` renames, `only` takes some layers.")]
public sealed record InitSpec : SpecNode
{
    [Field("A run directory of cnnexp, relative to the spec's folder (e.g. `../runs/sumfirst`). Without `run` and `file`, the source is a model of this run, trained first.")]
    public string? Run { get; init; }

    [Field("The source model's name in that run (required when the source is this run; default: this model's name).")]
    public string? Model { get; init; }

    [Field("The source unit's seed; default: the seed of the unit being trained.", Min = 0, Max = int.MaxValue)]
    public int? Seed { get; init; }

    [Field("Which weights of the source unit: `last`, `best`, or an epoch number (one of those two: a run keeps only them).",
        Pattern = "last|best|[1-9][0-9]{0,8}", PatternHint = "write `last`, `best` or an epoch number such as `5`")]
    public string Epoch { get; init; } = "last";

    [Field("A `.safetensors` file or a PyTorch state_dict (`.pt`, `.pth`, written by `torch.save(model.state_dict(), ...)`), relative to the spec's folder.")]
    public string? File { get; init; }

    [Field("Renames source tensors, `SOURCE: TARGET`, by full name or by layer prefix, e.g. `{ features.0: conv1, classifier.weight: linear3.weight }`.")]
    public IReadOnlyList<TensorRename>? Map { get; init; }

    [Field("Takes only these layers' tensors; the other layers keep their fresh initialisation, and source tensors of other layers are ignored.")]
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>True when the weights come from a unit of the run being trained.</summary>
    public bool FromThisRun => Run is null && File is null;

    /// <summary>The epoch as a number, or null for `last` / `best`.</summary>
    public int? EpochNumber => int.TryParse(Epoch, out int n) ? n : null;
}

/// <summary>One `map:` entry of <see cref="InitSpec"/>: a source tensor name or layer prefix and its name in the model.</summary>
public sealed record TensorRename(string From, string To, SourceSpan? Where = null)
{
    /// <summary><paramref name="name"/> renamed when this entry names it or its layer prefix; else null.</summary>
    public string? Apply(string name) =>
        name == From ? To
        : name.StartsWith(From + ".", StringComparison.Ordinal) ? To + name[From.Length..]
        : null;
}
