using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>
/// ResNet's skip connection: output = body(x) + shortcut(x). The shortcut is the identity when the
/// body keeps the shape, else a bias-free 1x1 convolution (or a linear map for flat inputs) chosen
/// by arithmetic to match the body's output.
/// </summary>
[Kind("residual", "Adds a sub-stack's output to its input (ResNet's skip connection), with a 1x1 projection when the shapes differ.", Shorthand = "layers")]
public sealed record ResidualLayer : CompositeLayer
{
    [Field("The body: layers whose output is added to the input.", Required = true)] public IReadOnlyList<LayerSpec> Layers { get; init; } = [];

    public override IReadOnlyList<LayerSpec> Children => Layers;
    public override CompositeLayer WithChildren(IReadOnlyList<LayerSpec> children) => this with { Layers = children };

    public override ShapeCheck Infer(Shape input)
    {
        var body = InferAll(Layers, input);
        if (!body.IsOk) return body;
        var shortcut = Shortcut(input, body.Output!);
        return shortcut.Error is null ? body : ShapeCheck.Fail(shortcut.Error, shortcut.Hint);
    }

    /// <summary>The projection that maps the input onto the body's output shape; null when shapes already match.</summary>
    public static ShortcutRule Shortcut(Shape input, Shape body)
    {
        if (input.Equals(body)) return new ShortcutRule(null, null);
        if (input.Rank == 1 && body.Rank == 1)
            return new ShortcutRule(new LinearLayer { Out = body.Dims[0], Bias = false, Name = "projection" }, null);
        if (!input.IsImage || !body.IsImage)
            return ShortcutRule.Fail($"the body turns {input} into {body}; a residual body must keep images as images and features as features",
                "put `flatten` after the residual, not inside it");
        int? sh = Stride(input.H, body.H), sw = Stride(input.W, body.W);
        if (sh is null || sw is null)
            return ShortcutRule.Fail($"the body turns {input} into {body}, which no 1x1 projection with a whole-number stride can match",
                "keep the height and width, or shrink them by a whole factor (e.g. a stride-2 convolution with `padding: 1`)");
        return new ShortcutRule(new Conv2dLayer
        {
            Out = body.C, Kernel = IntPair.Square(1), Stride = new IntPair(sh.Value, sw.Value), Bias = false, Name = "projection",
        }, null);
    }

    /// <summary>The stride s with ceil(from / s) == to (a 1x1 convolution's output size), if any.</summary>
    static int? Stride(int from, int to)
    {
        for (int s = 1; s <= from; s++)
            if ((from - 1) / s + 1 == to) return s;
        return null;
    }
}
