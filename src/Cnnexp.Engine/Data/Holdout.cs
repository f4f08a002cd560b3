namespace Cnnexp.Engine.Data;

/// <summary>The examples kept and the examples held out of a split, as indices in ascending order.</summary>
public sealed record HoldoutIndices(long[] Keep, long[] Held);

/// <summary>
/// Holds out a fraction of every class (a stratified split), chosen by a fixed shuffle: the same
/// examples for every seed and model, so validation numbers compare like with like.
/// </summary>
public static class Holdout
{
    public static HoldoutIndices Choose(long[] labels, double fraction, int salt)
    {
        var held = new List<long>();
        var keep = new List<long>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.Select(i => (long)i).ToArray();
            new Random(Seeds.Mix(salt, group.Key)).Shuffle(members);
            int n = (int)Math.Round(fraction * members.Length, MidpointRounding.AwayFromZero);
            n = Math.Min(n, members.Length - 1);               // every class keeps at least one example
            held.AddRange(members.Take(Math.Max(n, 0)));
            keep.AddRange(members.Skip(Math.Max(n, 0)));
        }
        held.Sort();
        keep.Sort();
        return new HoldoutIndices([.. keep], [.. held]);
    }

    /// <summary>Splits <paramref name="split"/> in two; the original is left as it was (the caller disposes it).</summary>
    internal static (ImageSplit Keep, ImageSplit Held) Split(ImageSplit split, double fraction, int salt)
    {
        var indices = Choose(split.Labels.data<long>().ToArray(), fraction, salt);
        return (split.Select(indices.Keep), split.Select(indices.Held));
    }
}
