using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>Turns a layer reference (name anywhere in the stack, or 0-based top-level index) into a layer name.</summary>
public sealed class TargetResolver(string model, IReadOnlyList<LayerSpec> layers, DiagnosticBag diagnostics)
{
    public string? Resolve(LayerRef target)
    {
        if (target.Index is int index)
        {
            int i = index < 0 ? layers.Count + index : index;
            if (i >= 0 && i < layers.Count) return layers[i].Name;
            diagnostics.Error("bad-index", $"model `{model}` has no layer at index {index}: it has {layers.Count} layers, 0 to {layers.Count - 1}",
                target.Where, "indices count from 0; -1 is the last layer");
            return null;
        }
        var names = LayerTree.All(layers).Select(l => l.Name!).ToList();
        if (names.Contains(target.Text)) return target.Text;
        diagnostics.Error("unknown-layer", $"model `{model}` has no layer `{target.Text}`", target.Where,
            Suggest.Closest(target.Text, names) is { } close ? $"did you mean `{close}`?"
                : $"its layers are {string.Join(", ", names.Take(12).Select(n => $"`{n}`"))}{(names.Count > 12 ? ", ..." : "")} (see `cnnexp inspect`)");
        return null;
    }
}
