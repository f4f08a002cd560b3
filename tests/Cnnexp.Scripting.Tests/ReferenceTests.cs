using Cnnexp.Scripting.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cnnexp.Scripting.Tests;

/// <summary>`#r "path.dll"`: compiled against, loaded from its path when the script runs, and tracked by the cache.</summary>
public class ReferenceTests
{
    /// <summary>A one-class library, as a user would build next to their hooks.</summary>
    static void BuildLibrary(string path, string greeting)
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create("Greeter",
            [CSharpSyntaxTree.ParseText($"namespace Lib {{ public static class Greeter {{ public static string Hello() => \"{greeting}\"; }} }}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }

    [Fact]
    public void A_referenced_dll_is_loaded_when_the_script_runs_and_rebuilding_it_recompiles_the_script()
    {
        using var ws = new Workspace()
            .Write("hooks/greet.csx", "#r \"../lib/Greeter.dll\"\nMetric(Lib.Greeter.Hello(), (logits, labels) => 0.0);\n")
            .Write("study.yaml", Workspace.TinySpec("greet", "hooks: [hooks/greet.csx]"));
        Directory.CreateDirectory(ws.Path("lib"));
        BuildLibrary(ws.Path("lib", "Greeter.dll"), "hello");
        var spec = ws.Load("study.yaml").Spec!;
        var options = new HookOptions { CacheDirectory = ws.Path("cache") };
        LoadedScript Load()
        {
            var result = HookLoader.Load(spec, options);
            Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
            return result.Hooks!.Scripts.Single();
        }

        var first = Load();
        Assert.Equal("hello", first.Hooks.Metrics.Single().Name);                    // Greeter.Hello() ran
        Assert.True(Load().FromCache);

        BuildLibrary(ws.Path("lib", "Greeter.dll"), "bonjour");
        var rebuilt = Load();
        Assert.False(rebuilt.FromCache);                                              // the entry tracked the DLL's content
        Assert.Equal("bonjour", rebuilt.Hooks.Metrics.Single().Name);
    }

    [Fact]
    public void A_nuget_reference_is_refused_at_its_line_with_what_to_do_instead()
    {
        using var ws = new Workspace()
            .Write("hooks/pkg.csx", "// wants a package\n#r \"nuget: Humanizer.Core, 2.14.1\"\nOnRunStart(r => r.Log(\"x\"));\n")
            .Write("study.yaml", Workspace.TinySpec("pkg", "hooks: [hooks/pkg.csx]"));

        var result = HookLoader.Load(ws.Load("study.yaml").Spec!, new HookOptions { CacheDirectory = Workspace.SharedCache });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CS0006", 2, 1), (error.Code, error.Where!.Line, error.Where.Column));
        Assert.Contains("`#r \"nuget: ...\"` is not supported", error.Message);
        Assert.Contains("reference its DLL by path", error.Message);
    }
}
