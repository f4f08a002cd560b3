using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Scripts;

/// <summary>
/// A compiled script's shape rule for one `- script:` layer, attached by the scripting stage before
/// planning. Lives here as an interface so the spec stays free of TorchSharp and Roslyn.
/// </summary>
public interface IScriptedLayer
{
    /// <summary>The output shape for this input (the script builds its module once to learn it), or why not.</summary>
    ShapeCheck Infer(Shape input);

    /// <summary>Trainable parameters of the module built for this input.</summary>
    long Parameters(Shape input);

    /// <summary>Multiply-accumulates per example, as the script reports them (0 when it does not).</summary>
    long Macs(Shape input);
}
