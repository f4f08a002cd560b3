using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Scripts;

/// <summary>A compiled script's shape rule for one `- script:` input transform.</summary>
public interface IScriptedTransform
{
    ShapeCheck Infer(Shape input);
}
