using System.Globalization;
using System.Reflection;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Transforms;

namespace Cnnexp;

/// <summary>
/// Derives changed specs without touching the original (specs are immutable records). Extension
/// methods, so F# and C# chain them: <c>spec.WithLearningRate(0.01).WithEpochs(3)</c>; with
/// <c>open type SpecEdits</c> they read as functions. A value outside the range the YAML allows
/// throws <see cref="ArgumentOutOfRangeException"/> naming the YAML key; shapes are checked by
/// <see cref="Experiment.Plan"/> as for any spec.
/// </summary>
public static class SpecEdits
{
    public static ExperimentSpec WithName(this ExperimentSpec spec, string name) => spec with { Name = name };

    public static ExperimentSpec WithEpochs(this ExperimentSpec spec, int epochs) =>
        spec with { Train = spec.Train with { Epochs = Checked(typeof(TrainSpec), nameof(TrainSpec.Epochs), epochs, "train.epochs") } };

    /// <summary>The learning rate of every model, or of <paramref name="model"/> only (which then gets its own `train`).</summary>
    public static ExperimentSpec WithLearningRate(this ExperimentSpec spec, double learningRate, string? model = null)
    {
        Checked(typeof(OptimizerSpec), nameof(OptimizerSpec.Lr), learningRate, "train.optimizer.lr");
        if (model is null) return spec with { Train = spec.Train with { Optimizer = spec.Train.Optimizer with { Lr = learningRate } } };
        var m = spec.Model(model);
        var train = m.Train ?? spec.Train;
        return spec.WithModel(m with { Train = train with { Optimizer = train.Optimizer with { Lr = learningRate } } });
    }

    public static ExperimentSpec WithSeeds(this ExperimentSpec spec, IReadOnlyList<int> seeds) =>
        seeds.Count == 0 ? throw new ArgumentOutOfRangeException(nameof(seeds), "`seeds` needs at least one seed")
        : spec with { Seeds = seeds.ToList(), Repeats = null };

    public static ExperimentSpec WithBatchSize(this ExperimentSpec spec, int batchSize) =>
        spec with { Data = spec.Data with { BatchSize = Checked(typeof(DataSpec), nameof(DataSpec.BatchSize), batchSize, "data.batch_size") } };

    /// <summary>Use only the first <paramref name="limit"/> examples of each split (null: all).</summary>
    public static ExperimentSpec WithDataLimit(this ExperimentSpec spec, int? limit) =>
        spec with { Data = spec.Data with { Limit = limit is int l ? Checked(typeof(DataSpec), nameof(DataSpec.Limit), l, "data.limit") : null } };

    /// <summary>Script files (relative to the spec's folder) with callbacks, metrics and figures.</summary>
    public static ExperimentSpec WithHooks(this ExperimentSpec spec, IReadOnlyList<string> paths) =>
        spec with { Hooks = paths.Select(p => new HookPath(p)).ToList() };

    /// <summary>The model called <paramref name="name"/>, as written (it may extend another).</summary>
    public static ModelSpec Model(this ExperimentSpec spec, string name) =>
        spec.Models.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"no model `{name}`; models: {string.Join(", ", spec.Models.Select(m => m.Name))}", nameof(name));

    /// <summary>Adds <paramref name="model"/>, or replaces the model of the same name in place.</summary>
    public static ExperimentSpec WithModel(this ExperimentSpec spec, ModelSpec model)
    {
        var models = spec.Models.ToList();
        int i = models.FindIndex(m => m.Name == model.Name);
        if (i >= 0) models[i] = model;
        else models.Add(model);
        return spec with { Models = models };
    }

    public static ExperimentSpec WithoutModel(this ExperimentSpec spec, string name)
    {
        spec.Model(name);
        return spec with { Models = spec.Models.Where(m => m.Name != name).ToList() };
    }

    /// <summary>A new variant <paramref name="name"/> that starts as a copy of <paramref name="from"/> (`extends: from`).</summary>
    public static ExperimentSpec DeriveModel(this ExperimentSpec spec, string name, string from)
    {
        spec.Model(from);
        if (spec.Models.Any(m => m.Name == name)) throw new ArgumentException($"a model `{name}` already exists", nameof(name));
        return spec.WithModel(new ModelSpec { Name = name, Extends = from });
    }

    /// <summary>The layers <paramref name="model"/> trains with, following `extends`.</summary>
    public static IReadOnlyList<LayerSpec> LayersOf(this ExperimentSpec spec, string model)
    {
        var chain = new List<string>();
        for (var m = spec.Model(model); ; m = spec.Model(m.Extends!))
        {
            if (m.Layers is not null) return m.Layers;
            if (m.Extends is null || chain.Contains(m.Name)) return [];
            chain.Add(m.Name);
        }
    }

    /// <summary>
    /// Inserts <paramref name="layer"/> before position <paramref name="index"/> of <paramref name="model"/>'s layers
    /// (0: first; the count: last; negative counts from the end, -1: before the last). The model gets its own layer list.
    /// </summary>
    public static ExperimentSpec InsertLayer(this ExperimentSpec spec, string model, int index, LayerSpec layer)
    {
        var layers = spec.LayersOf(model).ToList();
        int at = index < 0 ? layers.Count + index : index;
        if (at < 0 || at > layers.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"model `{model}` has {layers.Count} layers: insert at 0..{layers.Count} or -1..-{layers.Count}, not {index}");
        layers.Insert(at, layer);
        return spec.WithModel(spec.Model(model) with { Layers = layers });
    }

    /// <summary>Removes the layer at <paramref name="index"/> (negative counts from the end) of <paramref name="model"/>.</summary>
    public static ExperimentSpec RemoveLayer(this ExperimentSpec spec, string model, int index)
    {
        var layers = spec.LayersOf(model).ToList();
        int at = index < 0 ? layers.Count + index : index;
        if (at < 0 || at >= layers.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"model `{model}` has {layers.Count} layers, so there is no layer {index}");
        layers.RemoveAt(at);
        return spec.WithModel(spec.Model(model) with { Layers = layers });
    }

    /// <summary>Sets <paramref name="model"/>'s input transforms (e.g. <c>[ChannelSum()]</c>; empty: none).</summary>
    public static ExperimentSpec WithInput(this ExperimentSpec spec, string model, IReadOnlyList<TransformSpec> input) =>
        spec.WithModel(spec.Model(model) with { Input = input.ToList() });

    /// <summary>Checks a number against the range its [Field] declares, naming the YAML key when it is outside.</summary>
    static T Checked<T>(Type owner, string property, T value, string key) where T : IConvertible
    {
        var field = owner.GetProperty(property)!.GetCustomAttribute<FieldAttribute>()!;
        double d = value.ToDouble(CultureInfo.InvariantCulture);
        if (!double.IsNaN(field.Min) && d < field.Min || !double.IsNaN(field.Max) && d > field.Max)
            throw new ArgumentOutOfRangeException(property, value, string.Create(CultureInfo.InvariantCulture,
                $"`{key}` must be {(double.IsNaN(field.Max) ? $"at least {field.Min}" : $"within [{field.Min}, {field.Max}]")}, not {value}"));
        return value;
    }
}
