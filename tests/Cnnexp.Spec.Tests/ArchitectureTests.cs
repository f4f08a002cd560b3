using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// docs/architecture.md's dependency rules, checked against the project files and the sources, so the
/// document stays true: a change that breaks a rule fails here and must change the document too.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>Every source project and the projects and packages it may reference (exactly these).</summary>
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Cnnexp.Spec"] = ["YamlDotNet"],
        ["Cnnexp.Results"] = [],
        ["Cnnexp.Engine"] = ["Cnnexp.Spec", "Cnnexp.Results", "TorchSharp-cpu", "TorchSharp.PyBridge", "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies",
            "Google.Protobuf", "Grpc.Tools"],   // ONNX export writes the official onnx.proto; ONNX Runtime is for tests and examples only
        ["Cnnexp.Figures"] = ["Cnnexp.Spec", "Cnnexp.Results", "ScottPlot", "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies"],
        ["Cnnexp.Hooks"] = ["Cnnexp.Spec", "Cnnexp.Results", "TorchSharp", "SkiaSharp"],
        ["Cnnexp.Scripting"] = ["Cnnexp.Hooks", "Cnnexp.Engine", "Cnnexp.Figures", "Microsoft.CodeAnalysis.CSharp.Scripting"],
        ["Cnnexp"] = ["Cnnexp.Spec", "Cnnexp.Results", "Cnnexp.Engine", "Cnnexp.Figures", "Cnnexp.Hooks", "Cnnexp.Scripting"],
        ["Cnnexp.FSharp"] = ["Cnnexp", "FSharp.Core"],
        ["Cnnexp.Cli"] = ["Cnnexp", "Spectre.Console", "Spectre.Console.Cli"],
        ["Cnnexp.Interactive"] = ["Cnnexp", "Cnnexp.FSharp", "Microsoft.DotNet.Interactive.Formatting"],
    };

    static string[] References(string project)
    {
        string file = Directory.GetFiles(Repo.Path("src", project), "*.?sproj").Single();
        var doc = XDocument.Load(file);
        return doc.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference")
            .Select(e => e.Attribute("Include")!.Value)
            .Select(r => r.EndsWith("proj", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(r) : r)
            .Order().ToArray();
    }

    [Fact]
    public void Every_project_references_only_what_the_architecture_allows()
    {
        var projects = Directory.GetDirectories(Repo.Path("src")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Allowed.Keys.Order(), projects);
        foreach (var (project, allowed) in Allowed)
            Assert.True(allowed.Order().SequenceEqual(References(project)),
                $"{project} references {string.Join(", ", References(project))}; docs/architecture.md allows {string.Join(", ", allowed)}");
    }

    /// <summary>
    /// Notebook display lives in Cnnexp.Interactive alone: no other project reaches it or .NET Interactive, directly or
    /// through the projects it references, so the tool and the facade carry no notebook dependency.
    /// </summary>
    [Fact]
    public void Only_the_notebook_package_depends_on_dotnet_interactive()
    {
        foreach (var project in Allowed.Keys.Where(p => p != "Cnnexp.Interactive"))
        {
            var reached = Reached(project);
            Assert.DoesNotContain("Cnnexp.Interactive", reached);
            Assert.DoesNotContain(reached, r => r.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        }
    }

    /// <summary>Every project and package a project references, and those its projects reference, and so on.</summary>
    static HashSet<string> Reached(string project)
    {
        var reached = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
            foreach (var reference in References(pending.Pop()))
                if (reached.Add(reference) && Allowed.ContainsKey(reference)) pending.Push(reference);
        return reached;
    }

    static IEnumerable<string> Sources(string project) =>
        Directory.GetFiles(Repo.Path("src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    [Fact]
    public void The_engine_uses_SkiaSharp_only_to_decode_images()
    {
        var users = Sources("Cnnexp.Engine").Where(f => File.ReadAllText(f).Contains("SkiaSharp", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f)).ToList();
        Assert.Equal(["ImageDecoder.cs"], users);
    }

    [Fact]
    public void Spec_and_results_know_nothing_of_TorchSharp_or_Skia()
    {
        foreach (var project in new[] { "Cnnexp.Spec", "Cnnexp.Results", "Cnnexp.Figures" })
            foreach (var file in Sources(project))
            {
                string text = File.ReadAllText(file);
                Assert.False(text.Contains("using TorchSharp", StringComparison.Ordinal), $"{file} uses TorchSharp");
                if (project != "Cnnexp.Figures") Assert.False(text.Contains("SkiaSharp", StringComparison.Ordinal), $"{file} uses SkiaSharp");
            }
    }

    /// <summary>
    /// The command line goes through the facade (`Cnnexp`): parse → facade → print. These files still
    /// reach past it (data commands, report, submit and the live display); the list may only shrink.
    /// </summary>
    static readonly string[] CliPastTheFacade = [];

    // Not after a dot: `run.Figures.Where` is a property, not the namespace.
    [GeneratedRegex(@"(?<![\w.])(Cnnexp\.)?(Engine|Figures|Scripting|Hooks)\.[A-Z]")]
    private static partial Regex PastTheFacade();

    [Fact]
    public void The_command_line_reaches_past_the_facade_only_where_listed()
    {
        string root = Repo.Path("src", "Cnnexp.Cli");
        var files = Sources("Cnnexp.Cli").Where(f => PastTheFacade().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f)).Order().ToList();
        Assert.True(files.Except(CliPastTheFacade).ToList() is [], "go through the facade (src/Cnnexp) instead: " + string.Join(", ", files.Except(CliPastTheFacade)));
        Assert.True(CliPastTheFacade.Except(files).ToList() is [], "no longer past the facade, remove from the list: " + string.Join(", ", CliPastTheFacade.Except(files)));
    }

    [GeneratedRegex(@"(?:(?<![\w.])|(?<=\btorch\.))(rand|randn|randint|randperm|rand_like|randn_like|manual_seed)\((?<args>[^;]*)")]
    private static partial Regex GlobalDraw();

    /// <summary>
    /// Tests never draw from libtorch's global generator (tests/Shared/TestRandom.cs says why): a test
    /// drawing from it while another seeds it under UnitRandom's lock changes that test's initial weights.
    /// </summary>
    [Fact]
    public void Tests_draw_random_tensors_from_their_own_generator()
    {
        var offenders = Directory.GetFiles(Repo.Path("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(l => GlobalDraw().Matches(l.line).Any(m => !m.Groups["args"].Value.Contains("generator", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Repo.Path("tests"), l.f)}:{l.i + 1}").ToList();
        Assert.True(offenders is [], "draw with generator: TestRandom.Generator: " + string.Join(", ", offenders));
    }

    /// <summary>Callers set <c>RunSettings</c>; the engine's <c>RunOptions</c> is derived from it in one place (docs/architecture.md).</summary>
    [Fact]
    public void The_engine_options_are_built_only_by_the_facade()
    {
        var builders = Directory.GetDirectories(Repo.Path("src")).Select(Path.GetFileName).SelectMany(p => Sources(p!))
            .Where(f => File.ReadAllText(f).Contains("new RunOptions", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Path("src"), f)).ToList();
        Assert.Equal([Path.Combine("Cnnexp", "HookedRun.cs")], builders);
    }
}
