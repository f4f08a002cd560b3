using System.Text;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Export;

/// <summary>
/// A planned model as a PyTorch source file: a plain <c>torch.nn.Module</c> named <c>Model</c> whose
/// submodules carry the YAML's layer names, so the state_dict that <see cref="WeightsExporter"/> writes
/// loads into it with <c>strict=True</c>, and whose <c>forward</c> spells out the input transforms.
/// Pure text from the plan (no tensors); the file needs only <c>torch</c>.
/// </summary>
public static class PyTorchSource
{
    /// <summary>Python keywords: such a layer is reached as <c>self._modules["class"]</c>, not <c>self.class</c>.</summary>
    static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ];

    /// <summary>nn.Module's own members (torch 1.13): a submodule of that name would hide them or be refused by PyTorch.</summary>
    static readonly HashSet<string> ModuleMembers =
    [
        "T_destination", "add_module", "apply", "bfloat16", "buffers", "children", "cpu", "cuda", "double", "dump_patches", "eval",
        "extra_repr", "float", "forward", "get_buffer", "get_extra_state", "get_parameter", "get_submodule", "half", "ipu",
        "load_state_dict", "modules", "named_buffers", "named_children", "named_modules", "named_parameters", "parameters",
        "register_backward_hook", "register_buffer", "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
        "register_load_state_dict_post_hook", "register_module", "register_parameter", "requires_grad_", "set_extra_state",
        "share_memory", "state_dict", "to", "to_empty", "train", "training", "type", "xpu", "zero_grad",
    ];

    /// <param name="experiment">The plan <paramref name="model"/> belongs to: its name and the data set's class names.</param>
    /// <exception cref="ExportException">A layer or transform has no PyTorch form (a `- script:`).</exception>
    public static string Write(ModelPlan model, ExperimentPlan experiment)
    {
        var py = new StringBuilder();
        bool residual = model.AllLayers.Any(l => l.Spec is ResidualLayer);
        py.Append(Header(model, experiment, residual));
        if (residual) py.Append(ResidualClass);
        py.Append("\n\nclass Model(nn.Module):\n");
        py.Append($"    \"\"\"`{model.Name}`: (N, {Dims(model.Input)}) images in [0, 1] -> (N, {Dims(model.Output)}) logits.\"\"\"\n\n");
        py.Append("    def __init__(self):\n        super().__init__()\n");
        foreach (var layer in model.AllLayers) CheckName(layer);
        foreach (var layer in model.Layers)
            py.Append(IsPlain(layer.Name)
                ? $"        self.{layer.Name} = {PyTorchLayers.Constructor(layer)}\n"
                : $"        self._modules[\"{layer.Name}\"] = {PyTorchLayers.Constructor(layer)}   # a Python keyword: not an attribute name\n");
        py.Append($"\n    def forward(self, x):{Comment(27, model.Input)}\n");
        foreach (var t in model.Transforms)
            py.Append(Line($"x = {PyTorchLayers.Forward(t)}", t.Output, t.Spec.Kind));
        foreach (var layer in model.Layers)
            py.Append(Line(IsPlain(layer.Name) ? $"x = self.{layer.Name}(x)" : $"x = self._modules[\"{layer.Name}\"](x)", layer.Output, null));
        py.Append("        return x\n");
        py.Append(PyTorchPredictScript.Text);
        return py.ToString();
    }

    static bool IsPlain(string name) => !Keywords.Contains(name);

    /// <summary>PyTorch's state_dict keys are the module names, so a name PyTorch cannot give a submodule cannot be exported.</summary>
    static void CheckName(PlannedLayer layer)
    {
        if (ModuleMembers.Contains(layer.Name) || layer.Name.StartsWith('_'))
            throw new ExportException($"{(layer.Spec.Where is { } at ? at + ": " : "")}layer `{layer.Name}` cannot be written as PyTorch code: " +
                "torch.nn.Module uses that name itself (or it starts with `_`, which PyTorch keeps for its own attributes); give the layer another `name:`");
    }

    static string Dims(Shape s) => string.Join(", ", s.Dims);

    static string Comment(int width, Shape shape, string? what = null) =>
        new string(' ', Math.Max(1, width)) + $"# {(what is null ? "" : what + ": ")}(N, {Dims(shape)})";

    static string Line(string code, Shape output, string? what) => $"        {code}{Comment(44 - code.Length, output, what)}\n";

    static string Header(ModelPlan model, ExperimentPlan experiment, bool residual) => $$""""
        """The model `{{model.Name}}` of the cnnexp experiment `{{experiment.Spec.Name}}`, as plain PyTorch.

        Written by `cnnexp export --format pytorch`. The layers carry the YAML's names, so the state_dict
        cnnexp exports beside this file (`{{model.Name}}-seed0.pt`, ...) loads with strict=True:

            from {{model.Name}} import load
            model = load("{{model.Name}}-seed0.pt")   # eval mode
            logits = model(images)   # images: (N, {{Dims(model.Input)}}) floats in [0, 1]; logits: (N, {{Dims(model.Output)}})

        The input transforms are part of forward(), as in cnnexp: feed raw images, not transformed ones.
        Run as a script, it classifies images as `cnnexp predict` does, with the same output, using the
        weights beside it (docs/predict.md; PNGs are read without PIL, JPEGs need it):

            python3 {{model.Name}}.py [--format table|csv|json] [--top K] [--weights W.pt] IMAGE_OR_FOLDER...
        """
        {{(residual ? "from collections import OrderedDict\n\n" : "")}}import torch
        from torch import nn

        MODEL = {{Quote(model.Name)}}
        INPUT_SHAPE = ({{Dims(model.Input)}})
        CLASSES = [{{string.Join(", ", experiment.Dataset.Classes.Select(Quote))}}]

        # How the data set's images reach the model (`cnnexp predict` and __main__ below): stored as
        # uint8 (C, H, W) at this size, then scaled to [0, 1], or by (mean, std) of `data.normalize`.
        DATA_SHAPE = ({{Dims(experiment.Dataset.ImageShape)}})
        DATA_NORMALIZE = {{DataNormalize(experiment)}}

        """";

    const string ResidualClass = """"


        class Residual(nn.Module):
            """ResNet's skip connection: body(x) + x, or body(x) + projection(x) when the body changes the shape."""

            def __init__(self, body, projection=None):
                super().__init__()
                self.body = body
                self.projection = projection

            def forward(self, x):
                return self.body(x) + (x if self.projection is None else self.projection(x))

        """";

    static string Quote(string s) => $"\"{s.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    static string DataNormalize(ExperimentPlan experiment) =>
        experiment.Spec.Data.Normalize is { } n
            ? $"({Floats(n.MeanFor(experiment.Dataset.ImageShape.C))}, {Floats(n.StdFor(experiment.Dataset.ImageShape.C))})"
            : "None";

    static string Floats(IEnumerable<double> values) =>
        $"[{string.Join(", ", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}
