namespace Cnnexp.Spec.Planning;

/// <summary>The shape of one example, batch dimension left out: (C, H, W) for images, (F) for features.</summary>
public sealed class Shape : IEquatable<Shape>
{
    public Shape(params int[] dims) => Dims = dims;

    public IReadOnlyList<int> Dims { get; }
    public int Rank => Dims.Count;
    public bool IsImage => Rank == 3;
    public int C => Dims[0];
    public int H => Dims[1];
    public int W => Dims[2];
    public long Elements => Dims.Aggregate(1L, (a, d) => a * d);

    public static Shape Image(int c, int h, int w) => new(c, h, w);
    public static Shape Features(int f) => new(f);

    /// <summary>Dims with the batch dimension first, as TorchSharp reports them.</summary>
    public long[] WithBatch(long n) => [n, .. Dims.Select(d => (long)d)];

    public bool Equals(Shape? other) => other is not null && Dims.SequenceEqual(other.Dims);
    public override bool Equals(object? obj) => Equals(obj as Shape);
    public override int GetHashCode() => Dims.Aggregate(new HashCode(), (h, d) => { h.Add(d); return h; }).ToHashCode();
    public override string ToString() => string.Join("x", Dims);
}
