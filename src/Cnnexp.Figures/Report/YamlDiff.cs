namespace Cnnexp.Figures.Report;

/// <summary>One line of a diff: ' ' kept, '-' only in the base, '+' only in the variant.</summary>
public sealed record DiffLine(char Kind, string Text);

/// <summary>A line diff by longest common subsequence (model YAML is a few dozen lines: quadratic is fine).</summary>
public static class YamlDiff
{
    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        int n = before.Count, m = after.Count;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = before[i] == after[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var diff = new List<DiffLine>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && before[a] == after[b]) { diff.Add(new DiffLine(' ', before[a])); a++; b++; }
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1])) diff.Add(new DiffLine('-', before[a++]));   // removals first, as diff does
            else diff.Add(new DiffLine('+', after[b++]));
        }
        return diff;
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> diff) => diff.Any(d => d.Kind != ' ');
}
