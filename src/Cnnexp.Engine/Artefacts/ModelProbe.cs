using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Artefacts;

/// <summary>
/// One forward pass, module by module, keeping what the figures need: the input after the
/// input transforms, and every conv2d layer's input and output.
/// </summary>
sealed class ModelProbe
{
    public sealed record Conv(string Name, Conv2d Module, Tensor Input, Tensor Output);

    /// <summary>(S, C', H, W): the batch after the input transforms.</summary>
    public required Tensor Inputs { get; init; }
    public required IReadOnlyList<Conv> Convs { get; init; }

    /// <summary>
    /// The builder puts the input transforms first, then the layers in plan order, so child i
    /// (after the transforms) is plan layer i.
    /// </summary>
    public static ModelProbe Run(Sequential model, ModelPlan plan, Tensor x)
    {
        var children = model.children().Cast<nn.Module<Tensor, Tensor>>().ToList();
        int transforms = plan.Transforms.Count;
        if (children.Count != transforms + plan.Layers.Count)
            throw new InvalidOperationException($"model `{plan.Name}` has {children.Count} modules, its plan {transforms + plan.Layers.Count}");
        var current = x;                                                  // (S, C, H, W)
        Tensor? inputs = transforms == 0 ? x : null;
        var convs = new List<Conv>();
        for (int i = 0; i < children.Count; i++)
        {
            var next = children[i].call(current);
            if (i >= transforms && plan.Layers[i - transforms].Spec is Conv2dLayer)
                convs.Add(new Conv(plan.Layers[i - transforms].Name, (Conv2d)children[i], current, next));
            current = next;
            if (i == transforms - 1) inputs = current;                    // (S, C', H, W)
        }
        return new ModelProbe { Inputs = inputs ?? x, Convs = convs };
    }
}
