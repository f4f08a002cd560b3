using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Limits;

namespace Cnnexp.Spec.Yaml;

/// <summary>
/// Stage 1b: <c>include: [FILE, …]</c> merges other spec files' <c>blocks</c>, <c>models</c> and
/// <c>train</c> into the spec's YAML tree before overrides and binding, so everything downstream
/// sees one self-contained spec (and spec.resolved.yaml has no <c>include</c>). Included nodes keep
/// their own file's positions, so a mistake inside an included file is reported at its line there.
/// Paths are relative to the including file's folder and must stay inside the top spec's folder
/// (symbolic links followed), the rule hook scripts follow: a spec cannot read files from elsewhere.
/// </summary>
public static class Includes
{
    public const string Key = "include";

    /// <summary>What an included file may hold: nothing that names the experiment or points at files.</summary>
    static readonly string[] Shared = ["blocks", "models", "train", Key];

    /// <summary>Mappings whose entries (a block, a model) are replaced whole by a later one of the same name.</summary>
    static readonly string[] ByName = ["blocks", "models"];

    sealed class Context(string rootDirectory, DiagnosticBag diagnostics, Dictionary<string, string> sources)
    {
        public string RootDirectory { get; } = rootDirectory;
        public DiagnosticBag Diagnostics { get; } = diagnostics;
        public Dictionary<string, string> Sources { get; } = sources;
        public int Files { get; set; }
        public long Chars { get; set; }
    }

    /// <summary>One file of the chain being included: its real path (cycle check) and its name as shown.</summary>
    sealed record Link(string RealPath, string Display);

    /// <summary>
    /// The spec with its includes merged in (the including file winning) and the <c>include</c> key
    /// gone; the texts of included files are added to <paramref name="sources"/> under the names their
    /// diagnostics use.
    /// </summary>
    /// <param name="file">The spec's file name as given; its folder is the one includes may not leave.</param>
    public static YNode Resolve(YNode root, string file, DiagnosticBag diagnostics, Dictionary<string, string> sources)
    {
        if (root is not YMap map || map[Key] is null) return root;
        string full = Path.GetFullPath(file);
        var cx = new Context(SafePath.Real(Path.GetDirectoryName(full)!), diagnostics, sources) { Chars = sources.GetValueOrDefault(file)?.Length ?? 0 };
        return Expand(map, Path.GetDirectoryName(full)!, [new Link(SafePath.Real(full), file)], cx);
    }

    static YMap Expand(YMap map, string directory, IReadOnlyList<Link> chain, Context cx)
    {
        var own = map.Without(Key);
        YMap? included = null;
        foreach (var path in Paths(map[Key], cx.Diagnostics))
            if (Load(path, directory, chain, cx) is { } one)
                included = included is null ? one : Merge(included, one);
        return included is null ? own : Merge(included, own) with { Where = own.Where };
    }

    /// <summary>The paths of an <c>include:</c> list.</summary>
    static IEnumerable<YScalar> Paths(YNode? node, DiagnosticBag diagnostics)
    {
        const string hint = "write `include: [stacks/notebook.yaml]`, paths relative to this file's folder";
        if (node is not YSeq list)
        {
            if (node is not null) diagnostics.Error("wrong-type", $"`{Key}` must be a list of spec files, not {node.Describe()}", node.Where, hint);
            yield break;
        }
        foreach (var item in list.Items)
            if (item is YScalar { IsNull: false } s && s.Value.Trim().Length > 0) yield return s;
            else diagnostics.Error("wrong-type", $"`{Key}` must list spec files, not {item.Describe()}", item.Where, hint);
    }

    static YMap? Load(YScalar path, string directory, IReadOnlyList<Link> chain, Context cx)
    {
        if (Refusal(path.Value, directory, cx) is { } refused)
        {
            cx.Diagnostics.Error(refused.Code, refused.Message, path.Where, refused.Hint);
            return null;
        }
        string full = Path.GetFullPath(Path.Combine(directory, path.Value));
        string real = SafePath.Real(full), display = SafePath.Display(full);
        var link = new Link(real, display);
        if (chain.Any(c => c.RealPath == real))
        {
            cx.Diagnostics.Error("include-cycle", $"spec files include each other in a cycle: {string.Join(" -> ", chain.Append(link).Select(c => c.Display))}",
                path.Where, "move what both files need into a third file that both include");
            return null;
        }
        if (chain.Count > SpecLimits.MaxIncludeDepth || ++cx.Files > SpecLimits.MaxIncludedFiles)
        {
            cx.Diagnostics.Error("too-deep", chain.Count > SpecLimits.MaxIncludeDepth
                    ? $"`{path.Value}` is at the end of an `{Key}` chain more than {SpecLimits.MaxIncludeDepth} files long"
                    : $"a spec may include at most {SpecLimits.MaxIncludedFiles} files, counting each time a file is included",
                path.Where, "include the shared files from the spec itself instead of from each other");
            return null;
        }
        if (Read(path, full, display, cx) is not { } node) return null;
        if (node is not YMap included)
        {
            cx.Diagnostics.Error("wrong-type", $"an included file must be a mapping of `blocks`, `models` or `train`, not {node.Describe()}", node.Where);
            return null;
        }
        return Expand(Shareable(included, cx.Diagnostics), Path.GetDirectoryName(full)!, [.. chain, link], cx);
    }

    sealed record Problem(string Code, string Message, string Hint);

    /// <summary>Why <paramref name="path"/> may not be included, or null when it may.</summary>
    static Problem? Refusal(string path, string directory, Context cx)
    {
        const string inside = "included files must lie in the folder of the spec you run, or below it: copy the file there";
        if (path.Contains('\0') || path.Any(char.IsControl))
            return new("include-outside", $"`{SafeName.Show(path)}` holds a control character", inside);
        if (Path.IsPathRooted(path) || path.StartsWith('~'))
            return new("include-outside", $"`{path}` is an absolute path; `{Key}` takes paths relative to the including file's folder", inside);
        string full = Path.GetFullPath(Path.Combine(directory, path));
        if (!SafePath.IsInside(cx.RootDirectory, full))
            return new("include-outside", $"`{path}` lies outside the spec's folder ({cx.RootDirectory})", inside);
        if (Directory.Exists(full))
            return new("include-not-found", $"`{path}` is a folder, not a spec file", "name a .yaml file in it");
        if (!File.Exists(full))
            return new("include-not-found", $"included file `{path}` does not exist (looked for {SafePath.Display(full)})",
                $"`{Key}` paths are relative to the folder of the file that names them");
        return null;
    }

    static YNode? Read(YScalar path, string full, string display, Context cx)
    {
        try
        {
            long bytes = new FileInfo(full).Length;
            if (bytes > 4L * SpecLimits.MaxYamlChars || cx.Chars + bytes / 4 > SpecLimits.MaxYamlChars) return TooLarge(path, cx);
            string text = File.ReadAllText(full);
            if ((cx.Chars += text.Length) > SpecLimits.MaxYamlChars) return TooLarge(path, cx);
            cx.Sources[display] = text;
            return YamlReader.Read(text, display, cx.Diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cx.Diagnostics.Error("unreadable", $"included file `{path.Value}` cannot be read: {e.Message}", path.Where, "check the file's permissions");
            return null;
        }
    }

    static YNode? TooLarge(YScalar path, Context cx)
    {
        cx.Diagnostics.Error("too-large", $"with `{path.Value}`, the spec and its included files hold more than {SpecLimits.MaxYamlChars:N0} characters",
            path.Where, "a spec is a few hundred lines: is this the right file?");
        return null;
    }

    /// <summary>The included file's keys that may be shared; the others are reported at their line and dropped.</summary>
    static YMap Shareable(YMap included, DiagnosticBag diagnostics)
    {
        foreach (var key in included.Entries.Select(e => e.Key).Where(k => !Shared.Contains(k.Value)))
            diagnostics.Error("not-includable", $"`{key.Value}` cannot come from an included file: only `blocks`, `models` and `train` can",
                key.Where, key.Value == "data"
                    ? "keep `data` in the spec you run: its relative paths are read from that spec's folder"
                    : Suggest.Closest(key.Value, Shared) is { } close ? $"did you mean `{close}`?" : "move it into the spec you run");
        return included with { Entries = included.Entries.Where(e => Shared.Contains(e.Key.Value)).ToList() };
    }

    /// <summary>
    /// <paramref name="over"/> on top of <paramref name="under"/>: a block or model of the same name is
    /// replaced whole, `train` merges key by key (<see cref="YamlMerge"/>), anything else is replaced.
    /// </summary>
    static YMap Merge(YMap under, YMap over)
    {
        var entries = under.Entries.ToList();
        foreach (var entry in over.Entries)
        {
            int i = entries.FindIndex(e => e.Key.Value == entry.Key.Value);
            if (i < 0) { entries.Add(entry); continue; }
            var value = (entries[i].Value, entry.Value) switch
            {
                (YMap a, YMap b) when ByName.Contains(entry.Key.Value) => Replace(a, b),
                (YMap a, YMap b) => YamlMerge.Deep(a, b),
                _ => entry.Value,
            };
            entries[i] = new YEntry(entry.Key, value);
        }
        return under with { Entries = entries };
    }

    /// <summary>The entries of <paramref name="under"/>, those also in <paramref name="over"/> replaced (key and value), then the rest of <paramref name="over"/>.</summary>
    static YMap Replace(YMap under, YMap over)
    {
        var entries = under.Entries.Select(e => over.Entries.FirstOrDefault(o => o.Key.Value == e.Key.Value) ?? e).ToList();
        entries.AddRange(over.Entries.Where(o => under[o.Key.Value] is null));
        return over with { Entries = entries };
    }
}
