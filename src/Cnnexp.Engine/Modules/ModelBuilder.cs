using Cnnexp.Spec.Planning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// Plan → one <see cref="Sequential"/>: input transforms first, then the layers, each under its
/// planned name, so parameters are called e.g. <c>conv1.weight</c> as in the YAML.
/// </summary>
public static class ModelBuilder
{
    /// <param name="channelsLast">
    /// Run every conv2d channels-last (see <see cref="ChannelsLast"/>); null: channels-last (<see cref="ChannelsLast.Default"/>).
    /// A run passes the layout its manifest records.
    /// </param>
    public static Sequential Build(ModelPlan plan, bool? channelsLast = null) =>
        Build(plan, new BuildOptions { ChannelsLast = channelsLast ?? ChannelsLast.Default() });

    /// <summary>
    /// Held while anything draws from libtorch's global generator: layer constructors draw initial
    /// weights from it, and units training side by side must not take each other's draws.
    /// </summary>
    public static readonly object GlobalGenerator = new();

    /// <summary>The model as <paramref name="options"/> say: layout, precision, the generator its dropout draws from.</summary>
    public static Sequential Build(ModelPlan plan, BuildOptions options)
    {
        lock (GlobalGenerator) return BuildAlone(plan, options);
    }

    static Sequential BuildAlone(ModelPlan plan, BuildOptions options)
    {
        // Layer constructors create temporary tensors (e.g. Conv2d's initialisation) that nothing
        // disposes; build inside a scope and keep only the parameters and buffers.
        using var scope = NewDisposeScope();
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var layerNames = plan.Layers.Select(l => l.Name).ToHashSet();   // a layer may be called `normalize` too
        foreach (var t in plan.Transforms) modules.Add((UniqueName(modules, layerNames, t.Spec.Kind), ModuleRegistry.Build(t)));
        foreach (var l in plan.Layers) modules.Add((l.Name, ModuleRegistry.Build(l, options)));
        var model = nn.Sequential(modules.ToArray());
        if (options.ChannelsLast)
            foreach (var conv in model.modules().OfType<Conv2d>()) ChannelsLast.Use(conv);
        foreach (var p in model.parameters()) p.DetachFromDisposeScope();
        foreach (var b in model.buffers(recurse: true, include_nonpersistent: true)) b.DetachFromDisposeScope();
        return model;
    }

    static string UniqueName(List<(string Name, nn.Module<Tensor, Tensor>)> modules, HashSet<string> layerNames, string kind)
    {
        string name = kind;
        for (int i = 2; modules.Exists(m => m.Name == name) || layerNames.Contains(name); i++) name = $"{kind}{i}";
        return name;
    }
}
