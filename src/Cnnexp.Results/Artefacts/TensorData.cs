using System.Text.Json.Serialization;

namespace Cnnexp.Results.Artefacts;

/// <summary>
/// A small float tensor saved in a run directory: its shape and its values in row-major order
/// (base64 of little-endian float32 in JSON, so values round-trip exactly and files stay small).
/// </summary>
public sealed record TensorData
{
    public required IReadOnlyList<int> Shape { get; init; }

    [JsonConverter(typeof(Base64FloatsConverter))]
    public required float[] Values { get; init; }

    /// <summary>Checks that the values fill the shape exactly.</summary>
    public static TensorData Of(float[] values, params int[] shape)
    {
        long count = shape.Aggregate(1L, (a, d) => a * d);
        if (count != values.Length)
            throw new ArgumentException($"{values.Length} values do not fill shape ({string.Join(", ", shape)})");
        return new TensorData { Shape = shape, Values = values };
    }

    public int Rank => Shape.Count;

    /// <summary>Elements in one entry of the first dimension.</summary>
    public int Stride0 => Shape.Skip(1).Aggregate(1, (a, d) => a * d);

    /// <summary>Entry <paramref name="i"/> of the first dimension, e.g. one image of (N, C, H, W) as (C, H, W).</summary>
    public TensorData Slice(int i)
    {
        if (i < 0 || i >= Shape[0]) throw new ArgumentOutOfRangeException(nameof(i), $"index {i} outside 0..{Shape[0] - 1}");
        int n = Stride0;
        return new TensorData { Shape = Shape.Skip(1).ToArray(), Values = Values.AsSpan(i * n, n).ToArray() };
    }

    public float Min => Values.Length == 0 ? float.NaN : Values.Min();
    public float Max => Values.Length == 0 ? float.NaN : Values.Max();
    public float MaxAbs => Values.Length == 0 ? float.NaN : Values.Max(MathF.Abs);
}
