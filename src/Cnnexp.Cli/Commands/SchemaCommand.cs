using System.ComponentModel;
using Cnnexp.Spec.Docs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary><c>cnnexp schema</c>: the JSON Schema of a spec for editor completion, or (<c>--markdown</c>) the reference.</summary>
public sealed class SchemaCommand(IAnsiConsole console) : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("Write to FILE instead of standard output.")]
        public string? Out { get; init; }

        [CommandOption("--markdown")]
        [Description("Write the Markdown reference (docs/spec-reference.md) instead of the JSON Schema.")]
        public bool Markdown { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string text = settings.Markdown ? ReferenceGenerator.Generate() : SchemaGenerator.Generate() + "\n";
        if (settings.Out is null)
        {
            console.Profile.Out.Writer.Write(text);
            return ExitCodes.Success;
        }
        string? dir = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(settings.Out, text);
        console.Profile.Out.Writer.WriteLine($"wrote {settings.Out}");
        return ExitCodes.Success;
    }
}
