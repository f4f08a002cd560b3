namespace Cnnexp.Engine.Data;

/// <summary>
/// Deterministic seed mixing (SplitMix64). Never use <see cref="HashCode"/> for seeds: it is
/// randomised per process, which would make "same seed, same result" false.
/// </summary>
public static class Seeds
{
    public static int Mix(params long[] parts)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (long p in parts)
        {
            h ^= (ulong)p;
            h += 0x9E3779B97F4A7C15;
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EB;
            h ^= h >> 31;
        }
        return (int)(h & 0x7FFFFFFF);
    }
}
