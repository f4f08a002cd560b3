using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// The corpus of invalid specs in Invalid/: each NAME.yaml (with optional NAME.set holding one
/// `--set` override per line) must produce exactly the diagnostics in NAME.expected — file, line,
/// column, message, quoted line, caret and hint — and never a plan.
/// </summary>
public class InvalidSpecTests
{
    static string Dir => Repo.Path("tests", "Cnnexp.Spec.Tests", "Invalid");

    public static TheoryData<string> Cases => new(Directory.GetFiles(Dir, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory, MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_text(string name)
    {
        string output = Diagnose(name, out bool planned);
        Assert.False(planned, $"{name} planned without errors");
        Assert.Contains(": error: ", output);
        Golden.Check(Path.Combine(Dir, name + ".expected"), output + "\n");
    }

    [Fact]
    public void Corpus_has_at_least_30_cases_and_every_golden_has_a_spec()
    {
        Assert.True(Cases.Count >= 30, $"only {Cases.Count} invalid specs");
        foreach (var expected in Directory.GetFiles(Dir, "*.expected"))
            Assert.True(File.Exists(Path.ChangeExtension(expected, ".yaml")), $"{expected} has no spec");
    }

    /// <summary>Load (with overrides), then plan if loading succeeded: the same two phases as `cnnexp check`.</summary>
    public static string Diagnose(string name, out bool planned)
    {
        string setFile = Path.Combine(Dir, name + ".set");
        var overrides = File.Exists(setFile) ? File.ReadAllLines(setFile).Where(l => l.Length > 0).ToList() : null;
        var load = SpecLoader.LoadText(File.ReadAllText(Path.Combine(Dir, name + ".yaml")), $"Invalid/{name}.yaml", overrides);
        planned = false;
        if (!load.Ok) return load.FormatDiagnostics();                       // with the other models' planning errors
        var diagnostics = new DiagnosticBag();
        planned = Planner.Plan(load.Spec!, diagnostics) is not null;
        return DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources);
    }
}
