using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Cnnexp.Scripting.Compilation;

/// <summary>
/// Resolves <c>#r</c>: a DLL path (relative to the file that names it) or an assembly name, as
/// Roslyn's script resolver does. (<c>#r "nuget: ..."</c> is handled in a later step.)
/// </summary>
sealed class HookReferenceResolver(string baseDirectory) : MetadataReferenceResolver
{
    readonly ScriptMetadataResolver files = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        files.ResolveReference(reference, baseFilePath, properties);

    /// <summary>Extra files the resolved references need at run time (none for plain DLL paths).</summary>
    public static IEnumerable<string> RuntimeFilesOf(IEnumerable<MetadataReference> references) => [];

    public override bool Equals(object? other) => other is HookReferenceResolver r && r.files.Equals(files);
    public override int GetHashCode() => files.GetHashCode();
}
