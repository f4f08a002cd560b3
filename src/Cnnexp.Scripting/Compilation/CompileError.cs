namespace Cnnexp.Scripting.Compilation;

/// <summary>One compiler error: full path, 1-based line and column, id (CS0103) and message.</summary>
sealed record CompileError(string Path, int Line, int Column, string Id, string Message);
