namespace Cnnexp.Spec.Model;

/// <summary>Convolution padding: explicit sizes, or <c>same</c> (output size equals input size at stride 1).</summary>
public readonly record struct Padding(IntPair Size, bool Same)
{
    public static Padding Of(int n) => new(IntPair.Square(n), false);
    public static readonly Padding SameSize = new(default, true);
    public override string ToString() => Same ? "same" : Size.ToString();
}
