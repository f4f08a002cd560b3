namespace Cnnexp.Spec.Model;

/// <summary>A (height, width) pair; YAML accepts <c>3</c> or <c>[3, 5]</c>.</summary>
public readonly record struct IntPair(int H, int W)
{
    public static IntPair Square(int n) => new(n, n);
    public bool IsSquare => H == W;
    public override string ToString() => IsSquare ? H.ToString() : $"[{H}, {W}]";
}
