using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cnnexp.Spec.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="YNode"/> tree that remembers positions. Problems become
/// diagnostics, never exceptions: tabs, syntax errors, duplicate keys, non-scalar keys and
/// anchors/aliases (refused: they allow "billion laughs" bombs and `extends:` covers reuse).
/// </summary>
public static class YamlReader
{
    public static YNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (text.Length > SpecLimits.MaxYamlChars)
        {
            diagnostics.Error("too-large", $"the file holds {text.Length:N0} characters; a spec may hold at most {SpecLimits.MaxYamlChars:N0}",
                new SourceSpan(file, 1, 1), "a spec is a few hundred lines: is this the right file?");
            return null;
        }
        int tab = FindIndentTab(text);
        if (tab >= 0)
        {
            var (line, col) = LineColumn(text, tab);
            diagnostics.Error("yaml-tab", "tab character in indentation; YAML indents with spaces",
                new SourceSpan(file, line, col), "replace the tab with spaces");
            return null;
        }
        TrackingParser? parser = null;
        try
        {
            parser = new TrackingParser(text);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return new YMap([], new SourceSpan(file, 1, 1));
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, diagnostics, 0);
            if (parser.Unreported > 0)
                diagnostics.Error("yaml-anchor", $"{parser.Unreported} more anchors or aliases, not reported one by one", null,
                    "a spec cannot use YAML anchors (&) or aliases (*)");
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
                diagnostics.Error("yaml-multiple-documents", "a spec holds one YAML document; found another `---`",
                    Span(file, parser.Current!.Start), "remove the second document");
            // Aliases were read as empty values: binding them would only add confusing errors.
            return diagnostics.Items.Any(d => d.Code is "yaml-anchor" or "yaml-alias") ? null : root;
        }
        catch (TooDeep deep)
        {
            diagnostics.Error("too-deep", $"the YAML nests more than {SpecLimits.MaxYamlDepth} levels of lists and mappings here",
                Span(file, deep.At), "a spec nests about 10 levels; look for unbalanced brackets");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(SyntaxError.Explain(text, file, CleanMessage(e.Message), Clamp(Span(file, e.Start), text), (int)e.Start.Index));
            return null;
        }
        catch (ParserFailure failure)
        {
            // The last event the parser read still tells the user where reading stopped.
            diagnostics.Add(SyntaxError.Explain(text, file, $"the YAML could not be read past this point ({failure.Reason})",
                Clamp(Span(file, failure.At), text), (int)failure.At.Index));
            return null;
        }
    }

    /// <summary>
    /// Anchors and aliases are reported three times each at most: a "billion laughs" file holds
    /// hundreds, and the rest are counted in one closing diagnostic.
    /// </summary>
    static bool FewSoFar(DiagnosticBag diagnostics, string code, IParser parser)
    {
        if (diagnostics.Items.Count(d => d.Code == code) < 3) return true;
        if (parser is TrackingParser tracking) tracking.Unreported++;
        return false;
    }

    /// <summary>
    /// YamlDotNet's parser, remembering where the last event it produced ended. YamlDotNet can fail
    /// without a YamlException on some malformed input (an InvalidOperationException; and fuzzing found
    /// an ArgumentException, "Global tags must be valid URIs", for a tag such as `!!!!!!!!!!]-`, thrown
    /// already by the constructor, which scans ahead): such
    /// failures become a <see cref="ParserFailure"/> at the last good position, so a spec cannot crash
    /// the tool through the parser. Exceptions of our own code are not caught here.
    /// </summary>
    sealed class TrackingParser : IParser
    {
        readonly IParser inner;

        public TrackingParser(string text) => inner = Guard(() => new Parser(new StringReader(text)), Mark.Empty);

        public Mark LastEnd { get; private set; } = Mark.Empty;
        public int Unreported { get; set; }
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current) LastEnd = current.End;
            return Guard(inner.MoveNext, LastEnd);
        }

        static T Guard<T>(Func<T> call, Mark at)
        {
            try { return call(); }
            catch (Exception e) when (e is not (YamlException or OutOfMemoryException)) { throw new ParserFailure(at, e); }
        }
    }

    /// <summary>YamlDotNet failed with an exception other than a YamlException; caught in <see cref="Read"/>.</summary>
    sealed class ParserFailure(Mark at, Exception inner) : Exception("YamlDotNet failed", inner)
    {
        public Mark At { get; } = at;

        /// <summary>The parser's own words, e.g. "YamlDotNet: Global tags must be valid URIs." (no exception names: this is a user's message).</summary>
        public string Reason => InnerException is ArgumentException a && a.ParamName is { } p
            ? $"YamlDotNet: {a.Message.Replace($" (Parameter '{p}')", "")}"
            : $"YamlDotNet: {InnerException!.Message}";
    }

    /// <summary>Thrown, and caught in <see cref="Read"/>, when nesting passes <see cref="SpecLimits.MaxYamlDepth"/>.</summary>
    sealed class TooDeep(Mark at) : Exception
    {
        public Mark At { get; } = at;
    }

    static YNode ReadNode(IParser parser, string file, DiagnosticBag diagnostics, int depth)
    {
        var ev = parser.Current!;
        if (depth > SpecLimits.MaxYamlDepth) throw new TooDeep(ev.Start);
        if (ev is AnchorAlias alias)
        {
            if (FewSoFar(diagnostics, "yaml-alias", parser))
                diagnostics.Error("yaml-alias", $"aliases (*{alias.Value}) are not supported", Span(file, alias.Start),
                    "repeat the value, or use `extends:` or a named `block` to reuse parts of a spec");
            parser.MoveNext();
            return new YScalar("", false, Span(file, alias.Start));
        }
        if (ev is NodeEvent { Anchor.IsEmpty: false } anchored && FewSoFar(diagnostics, "yaml-anchor", parser))
            diagnostics.Error("yaml-anchor", $"anchors (&{anchored.Anchor.Value}) are not supported",
                Span(file, anchored.Start), "use `extends:` or a named `block` to reuse parts of a spec");
        switch (ev)
        {
            case Scalar s:
                parser.MoveNext();
                return new YScalar(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                    or ScalarStyle.Literal or ScalarStyle.Folded, Span(file, s.Start));
            case SequenceStart seq:
                return ReadSequence(parser, seq, file, diagnostics, depth + 1);
            case MappingStart map:
                return ReadMapping(parser, map, file, diagnostics, depth + 1);
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    static YSeq ReadSequence(IParser parser, SequenceStart start, string file, DiagnosticBag diagnostics, int depth)
    {
        parser.MoveNext();
        var items = new List<YNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
            items.Add(ReadNode(parser, file, diagnostics, depth));
        return new YSeq(items, Span(file, start.Start));
    }

    static YMap ReadMapping(IParser parser, MappingStart start, string file, DiagnosticBag diagnostics, int depth)
    {
        parser.MoveNext();
        var entries = new List<YEntry>();
        var seen = new Dictionary<string, SourceSpan>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, diagnostics, depth);
            var value = ReadNode(parser, file, diagnostics, depth);
            if (keyNode is not YScalar key)
            {
                diagnostics.Error("yaml-complex-key", "keys must be plain names", keyNode.Where);
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                diagnostics.Error("yaml-duplicate-key", $"duplicate key `{key.Value}` (first at line {first.Line})",
                    key.Where, "remove one of them; YAML keeps only one value per key");
                continue;
            }
            seen[key.Value] = key.Where;
            entries.Add(new YEntry(key, value));
        }
        return new YMap(entries, Span(file, start.Start));
    }

    internal static SourceSpan Span(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>The parser reports an error at the end of input one line past the text; keep it on a line that exists.</summary>
    static SourceSpan Clamp(SourceSpan where, string text)
    {
        int lines = text.Split('\n').Length;
        if (where.Line <= lines) return where;
        string last = text.Split('\n')[^1];
        return where with { Line = lines, Column = last.Length + 1 };
    }

    static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " — we print our own position.
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        string m = i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
        return char.ToLowerInvariant(m[0]) + m[1..].TrimEnd('.');
    }

    static int FindIndentTab(string text)
    {
        bool lineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { lineStart = true; continue; }
            if (lineStart && c == '\t') return i;
            if (c != ' ' && c != '-') lineStart = false;
        }
        return -1;
    }

    internal static (int Line, int Column) LineColumn(string text, int index)
    {
        int line = 1, col = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return (line, col);
    }
}
