using System.ComponentModel;
using System.Text.RegularExpressions;
using Cnnexp.Spec.Docs;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary><c>cnnexp new NAME</c>: writes a commented starter spec that passes <c>check</c> and runs in about a minute.</summary>
public sealed partial class NewCommand(IAnsiConsole console, ErrorConsole errors) : Command<NewCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The experiment's name (letters, digits, `-`, `_`); the file is NAME.yaml.")]
        public string Name { get; init; } = "";

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write. Default: NAME.yaml in the current folder.")]
        public string? Out { get; init; }

        [CommandOption("-f|--force")]
        [Description("Overwrite an existing file.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() => ValidName().IsMatch(Name)
            ? ValidationResult.Success()
            : ValidationResult.Error($"`{Name}` is not a valid experiment name: use letters, digits, `-` and `_`, starting with a letter");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string path = settings.Out ?? settings.Name + ".yaml";
        if (File.Exists(path) && !settings.Force)
            return errors.Invalid($"{path} already exists\n  hint: pass --force to overwrite it, or choose another name");
        if (Directory.Exists(path))
            return errors.Invalid($"{path} is a folder\n  hint: give a file name, e.g. -o {Path.Combine(path, settings.Name + ".yaml")}");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);        // as `schema -o` does
        File.WriteAllText(path, StarterSpec.Text(settings.Name));
        console.Profile.Out.Writer.WriteLine($"wrote {path}; next: cnnexp inspect {path}, then cnnexp run {path}");
        return ExitCodes.Success;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex ValidName();
}
