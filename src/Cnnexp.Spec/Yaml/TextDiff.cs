using System.Text;

namespace Cnnexp.Spec.Yaml;

/// <summary>A line diff (longest common subsequence) printed as <c>- old</c> / <c>+ new</c> lines with context.</summary>
public static class TextDiff
{
    public static string Unified(string before, string after, int context = 2)
    {
        var a = before.Replace("\r", "").Split('\n');
        var b = after.Replace("\r", "").Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<(char Op, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) lines.Add(('+', b[y++]));
            else lines.Add(('-', a[x++]));
        }
        var sb = new StringBuilder();
        bool skipped = false;
        for (int i = 0; i < lines.Count; i++)
        {
            bool near = false;
            for (int k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context) && !near; k++) near = lines[k].Op != ' ';
            if (!near) { skipped = true; continue; }
            if (skipped && sb.Length > 0) sb.Append("  ...\n");
            skipped = false;
            sb.Append(lines[i].Op).Append(' ').Append(lines[i].Text).Append('\n');
        }
        return sb.ToString();
    }
}
