using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec;

/// <summary>The outcome of loading a spec: the spec (null when it has errors), every diagnostic, and the source texts.</summary>
public sealed record LoadResult(ExperimentSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources)
{
    public bool Ok => Spec is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The spec as far as it bound, also when it has errors (values that failed keep their defaults).</summary>
    public ExperimentSpec? Partial { get; init; }

    /// <summary>Models whose own keys had errors; with <see cref="Partial"/>, the others can still be planned.</summary>
    public IReadOnlySet<string> BrokenModels { get; init; } = new HashSet<string>();

    /// <summary>
    /// The load's diagnostics, then — when every error lies inside some models — the planning errors
    /// of the other models, so one pass shows a typo in one model and a shape error in another.
    /// </summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics => Ok ? Diagnostics : [.. Diagnostics, .. Planning.PartialPlanner.Diagnose(this)];

    public string FormatDiagnostics() => DiagnosticFormatter.FormatAll(AllDiagnostics, Sources);
}

/// <summary>Stage 1: YAML text → <see cref="ExperimentSpec"/>, with every problem as a diagnostic.</summary>
public static class SpecLoader
{
    /// <param name="overrides"><c>KEY=VALUE</c> command-line overrides (<c>--set</c>), applied before validation.</param>
    public static LoadResult LoadFile(string path, IReadOnlyList<string>? overrides = null)
    {
        if (Directory.Exists(path))
            return Failed("not-a-file", $"`{path}` is a folder, not a spec file",
                Directory.EnumerateFiles(path, "*.yaml").Take(3).ToList() is { Count: > 0 } specs
                    ? $"give one of the spec files in it, e.g. `{specs[0]}`" : "give the path of a .yaml spec file");
        if (!File.Exists(path))
            return Failed("file-not-found", $"spec file `{path}` does not exist", "check the path; `cnnexp new NAME` writes a starter spec");
        try
        {
            // Bytes can outnumber characters (UTF-8), so refuse only what cannot fit before reading it all.
            if (new FileInfo(path).Length > 4L * Limits.SpecLimits.MaxYamlChars)
                return Failed("too-large", $"spec file `{path}` is {new FileInfo(path).Length:N0} bytes; a spec may hold at most {Limits.SpecLimits.MaxYamlChars:N0} characters",
                    "a spec is a few hundred lines: is this the right file?");
            return LoadText(File.ReadAllText(path), path, overrides);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed("unreadable", $"spec file `{path}` cannot be read: {e.Message}", "check the file's permissions");
        }

        static LoadResult Failed(string code, string message, string hint) =>
            new(null, [Diagnostic.Error(code, message, null, hint)], new Dictionary<string, string>());
    }

    public static LoadResult LoadText(string text, string file = "<spec>", IReadOnlyList<string>? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        var sources = new Dictionary<string, string> { [file] = text };
        var root = YamlReader.Read(text, file, diagnostics);
        if (root is null) return new LoadResult(null, diagnostics.Items, sources);
        root = Includes.Resolve(root, file, diagnostics, sources);
        if (overrides is { Count: > 0 })
        {
            sources[Overrides.File] = Overrides.SourceText(overrides);
            root = Overrides.Apply(root, overrides, diagnostics);
            if (root is YMap map && map[Includes.Key] is { } set)
            {
                // Includes are merged before overrides, so that `--set` reaches what they bring.
                diagnostics.Error("bad-set", $"`{Includes.Key}` cannot be set with `--set`", set.Where, "name the file under `include:` in the spec");
                root = map.Without(Includes.Key);
            }
        }
        return Bind(root, diagnostics, sources);
    }

    /// <summary>Binds an already-read (and possibly edited) YAML tree.</summary>
    public static LoadResult Bind(YNode root, DiagnosticBag diagnostics, IReadOnlyDictionary<string, string> sources)
    {
        var broken = new HashSet<string>();
        var spec = NewBinder(diagnostics, root as YMap, broken).BindObject<ExperimentSpec>(root, "");
        return new LoadResult(diagnostics.HasErrors ? null : spec, diagnostics.Items, sources) { Partial = spec, BrokenModels = broken };
    }

    /// <param name="root">The whole spec, so a model's `train` can be merged over the experiment's.</param>
    /// <param name="broken">Filled with the names of models whose keys had errors.</param>
    public static Binder NewBinder(DiagnosticBag diagnostics, YMap? root = null, ISet<string>? broken = null)
    {
        var binder = new Binder(diagnostics);
        binder.Register<IReadOnlyList<LayerSpec>>((n, p, b) => Layers.Layers.Registry.BindList(n, p, b));
        binder.Register<IReadOnlyList<TransformSpec>>((n, p, b) => Transforms.Transforms.Registry.BindList(n, p, b));
        binder.Register<Scripts.ScriptArgs>(Scripts.ScriptArgs.Bind);
        binder.Register<Scripts.HookPath>(Scripts.HookPath.Bind);
        binder.Register<SeedSchedule>(SeedSchedule.Bind);
        binder.Register<IReadOnlyList<Augmentations.AugmentSpec>>((n, p, b) => Augmentations.Augmentations.Registry.BindList(n, p, b));
        binder.Register<IReadOnlyList<ModelSpec>>((n, p, b) => BindModels(n, p, b, root, broken));
        EditBinders.Register(binder);
        return binder;
    }

    /// <summary>A model's `train:` mapping merged over the experiment's, so unset keys inherit (not reset to defaults).</summary>
    static YNode WithMergedTrain(YNode model, YMap? root)
    {
        if (model is not YMap m || m["train"] is not YMap own || root?["train"] is not YMap shared) return model;
        return m.With("train", YamlMerge.Deep(shared, own), m.Entries.First(e => e.Key.Value == "train").Key.Where);
    }

    static IReadOnlyList<ModelSpec> BindModels(YNode node, string path, Binder binder, YMap? root, ISet<string>? broken)
    {
        if (node is not YMap map)
        {
            binder.Diagnostics.Error("wrong-type", $"`{path}` must map model names to models, not {node.Describe()}", node.Where,
                "write `models:` then `  name: { layers: [...] }` for each model");
            return [];
        }
        if (map.Entries.Count == 0)
            binder.Diagnostics.Error("missing-key", "`models` is empty: define at least one model", map.Where);
        var models = new List<ModelSpec>();
        foreach (var e in map.Entries)
        {
            int errors = binder.Diagnostics.Items.Count;
            if (SafeName.Problem(e.Key.Value) is { } problem)
                binder.Diagnostics.Error("bad-name", $"model name `{SafeName.Show(e.Key.Value)}` {problem}", e.Key.Where, SafeName.Hint);
            models.Add(binder.BindObject<ModelSpec>(WithMergedTrain(e.Value, root), Binder.Join(path, e.Key.Value)) with { Name = e.Key.Value, Where = e.Key.Where });
            if (binder.Diagnostics.Items.Count > errors) broken?.Add(e.Key.Value);
        }
        return models;
    }
}
