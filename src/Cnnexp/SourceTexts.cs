using Cnnexp.Spec.Diagnostics;

namespace Cnnexp;

/// <summary>The texts diagnostics quote: the ones given, plus any file on disk they point into.</summary>
static class SourceTexts
{
    public static IReadOnlyDictionary<string, string> Complete(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> known)
    {
        var all = new Dictionary<string, string>(known);
        foreach (string file in diagnostics.Select(d => d.Where?.File).OfType<string>().Distinct())
            if (!all.ContainsKey(file) && File.Exists(file)) all[file] = File.ReadAllText(file);
        return all;
    }
}
