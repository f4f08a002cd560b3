using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Cnnexp.Cli.Output;

/// <summary>
/// Spectre's help, except that an example command is never split across lines: a wrapped
/// `--set` example pastes as two broken commands. Descriptions still wrap to the width.
/// </summary>
sealed class HelpWithWholeExamples(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetExamples(ICommandModel model, ICommandInfo? command)
    {
        var writer = new StringWriter();
        var wide = Terminal.Create(writer, width: 10_000);
        foreach (var part in base.GetExamples(model, command)) wide.Write(part);
        string text = writer.ToString();
        return text.Length == 0 ? [] : [new Unwrapped(text)];
    }

    /// <summary>Text written as it is, line by line, whatever the console's width.</summary>
    sealed class Unwrapped(string text) : IRenderable
    {
        readonly string[] lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

        public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            lines.SelectMany(l => new[] { new Segment(l), Segment.LineBreak });
    }
}
