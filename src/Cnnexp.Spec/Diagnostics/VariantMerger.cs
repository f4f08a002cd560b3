using System.Text.RegularExpressions;

namespace Cnnexp.Spec.Diagnostics;

/// <summary>
/// One error in a model shows up again in every model that extends it and in every swept variant,
/// at the same line with the same words. Printed once, naming them all:
/// "models `a`, `b[conv1.out=4]` and `b[conv1.out=8]`, layer `conv3` …".
/// </summary>
public static partial class VariantMerger
{
    public static IReadOnlyList<Diagnostic> Merge(IReadOnlyList<Diagnostic> diagnostics)
    {
        var groups = new List<(Diagnostic First, List<string> Models)>();
        var index = new Dictionary<(Severity, string, SourceSpan?, string?, string), int>();
        foreach (var d in diagnostics)
        {
            var m = ModelName().Match(d.Message);
            if (!m.Success)
            {
                groups.Add((d, []));
                continue;
            }
            var key = (d.Severity, d.Code, d.Where, d.Hint, d.Message.Remove(m.Index, m.Length).Insert(m.Index, "\0"));
            if (index.TryGetValue(key, out int i)) groups[i].Models.Add(m.Groups[1].Value);
            else
            {
                index[key] = groups.Count;
                groups.Add((d, [m.Groups[1].Value]));
            }
        }
        return groups.Select(g => g.Models.Count <= 1 ? g.First : g.First with { Message = Named(g.First.Message, g.Models) }).ToList();
    }

    static string Named(string message, IReadOnlyList<string> models)
    {
        var m = ModelName().Match(message);
        string list = string.Join(", ", models.SkipLast(1).Select(n => $"`{n}`")) + $" and `{models[^1]}`";
        return message.Remove(m.Index, m.Length).Insert(m.Index, "models " + list);
    }

    [GeneratedRegex("model `([^`]+)`")]
    private static partial Regex ModelName();
}
