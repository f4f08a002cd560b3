namespace Cnnexp.Scripting.Compilation;

/// <summary>A script compiled to an assembly: its bytes, its entry type, and every file it was made from.</summary>
/// <param name="Sources">Full paths of the script and every file it <c>#load</c>s.</param>
/// <param name="References">Full paths of the assemblies it <c>#r</c>s.</param>
sealed record CompiledScript(byte[] Pe, byte[] Pdb, string EntryType, IReadOnlyList<string> Sources, IReadOnlyList<string> References);
