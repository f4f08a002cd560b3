namespace Cnnexp.Spec.Binding;

/// <summary>"Did you mean …" by edit distance.</summary>
public static class Suggest
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        int allowed = Math.Max(2, typed.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>A hint: a peer framework's name for one of ours, "did you mean `x`?", or the list of valid choices.</summary>
    public static string DidYouMean(string typed, IReadOnlyCollection<string> candidates)
    {
        if (PeerNames.Hint(typed, candidates) is { } peer) return peer;          // Keras's `filters`, Lightning's `max_epochs`, …
        if (candidates.Count == 0) return "nothing of that name is defined here";
        string? closest = Closest(typed, candidates);
        return closest is not null
            ? $"did you mean `{closest}`?"
            : "expected one of: " + string.Join(", ", candidates.Select(c => $"`{c}`"));
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
