namespace Cnnexp.Scripting.Compilation;

/// <summary>Either the compiled script or its errors (and the text of every file, to quote their lines).</summary>
sealed record CompileOutcome(CompiledScript? Script, IReadOnlyList<CompileError> Errors, IReadOnlyDictionary<string, string> Texts);
