using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>Every edit of one layer in one model, checked for conflicts as they are added.</summary>
sealed class TargetEdits(string name)
{
    readonly List<(string Action, string Written, SourceSpan? Where)> actions = [];

    public string Name => name;
    public List<FieldEdit> Sets { get; } = [];
    public LayerEdit? Replacement { get; set; }
    public bool Removed { get; set; }
    public List<LayerSpec> Before { get; } = [];
    public List<LayerSpec> After { get; } = [];
    public SourceSpan? FirstWhere => actions.Count > 0 ? actions[0].Where : null;

    /// <summary>
    /// Records an action (<c>set out</c>, <c>replace</c>, <c>remove</c>, <c>insert_before</c>, …) written as
    /// <paramref name="written"/> (e.g. <c>set: 0.out</c>); false and a diagnostic when it contradicts an earlier one.
    /// </summary>
    public bool Add(string action, string written, SourceSpan? where, DiagnosticBag diagnostics)
    {
        foreach (var (earlier, earlierWritten, earlierWhere) in actions)
        {
            if (!Conflict(earlier, action) && !Conflict(action, earlier)) continue;
            diagnostics.Error("conflicting-edits",
                $"conflicting edits of layer `{name}`: `{earlierWritten}`{At(earlierWhere, where)} and `{written}`",
                where, "keep one of them; an index and a name may point at the same layer");
            return false;
        }
        actions.Add((action, written, where));
        return true;
    }

    static bool Conflict(string a, string b) =>
        a == b && !a.StartsWith("insert", StringComparison.Ordinal)
        || (a, b) is ("replace", "remove")
        || a.StartsWith("set ", StringComparison.Ordinal) && b is "replace" or "remove"
        || a.StartsWith("insert", StringComparison.Ordinal) && b is "remove";

    static string At(SourceSpan? earlier, SourceSpan? now) =>
        earlier is null ? "" : earlier.File == now?.File ? $" (at {earlier.Line}:{earlier.Column})" : $" (at {earlier})";
}
