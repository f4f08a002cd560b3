using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Cnnexp.Hooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Cnnexp.Scripting.Compilation;

/// <summary>
/// Roslyn, used only when the cache has no valid entry: compiles one script (with the files it
/// <c>#load</c>s and the assemblies it <c>#r</c>s) against the host's assemblies, with a PDB so
/// exceptions name script lines. Nothing else in cnnexp touches Roslyn types, so a run whose hooks
/// all come from the cache never loads the compiler.
/// </summary>
static class ScriptCompiler
{
    public static CompileOutcome Compile(string fullPath, string code)
    {
        string dir = Path.GetDirectoryName(fullPath)!;
        var options = ScriptOptions.Default
            .WithFilePath(fullPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithReferences(HostAssemblies.ReferencePaths().Select(p => MetadataReference.CreateFromFile(p)))
            .WithImports(HostAssemblies.Imports)
            .WithMetadataResolver(new HookReferenceResolver(dir))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(dir))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug);
        var compilation = CSharpScript.Create(code, options, typeof(HookSet)).GetCompilation();
        var texts = compilation.SyntaxTrees.Where(t => t.FilePath.Length > 0)
            .GroupBy(t => t.FilePath).ToDictionary(g => g.Key, g => g.First().GetText().ToString());
        var errors = Errors(compilation.GetDiagnostics());
        if (errors.Count > 0) return new CompileOutcome(null, errors, texts);

        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success) return new CompileOutcome(null, Errors(emitted.Diagnostics), texts);
        var entry = compilation.GetEntryPoint(CancellationToken.None)
                    ?? throw new InvalidOperationException($"{fullPath} compiled without an entry point");
        var references = compilation.DirectiveReferences.OfType<PortableExecutableReference>()
            .Select(r => r.FilePath).OfType<string>().Concat(HookReferenceResolver.RuntimeFilesOf(compilation.DirectiveReferences))
            .Distinct().ToList();
        return new CompileOutcome(new CompiledScript(pe.ToArray(), pdb.ToArray(), entry.ContainingType.MetadataName, texts.Keys.ToList(), references),
            [], texts);
    }

    static List<CompileError> Errors(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .Select(d =>
        {
            var span = d.Location.GetMappedLineSpan();
            string message = d.GetMessage(CultureInfo.InvariantCulture);
            if (d.Id == "CS0006" && message.Contains("nuget:", StringComparison.OrdinalIgnoreCase))
                message = "`#r \"nuget: ...\"` is not supported: restore or build the library yourself and reference its DLL by path, " +
                          "e.g. `#r \"lib/MyLib.dll\"` (docs/hooks.md)";
            return new CompileError(span.Path ?? "", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, message);
        })
        .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
        .ToList();
}
