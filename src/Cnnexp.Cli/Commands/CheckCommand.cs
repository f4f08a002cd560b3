using System.ComponentModel;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary><c>cnnexp check SPEC...</c>: validate and plan without training; exit 0 when every spec is valid, else 2.</summary>
public sealed class CheckCommand(IAnsiConsole console, ErrorConsole errors) : Command<CheckCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("One or more experiment specs (YAML).")]
        public string[] Specs { get; init; } = [];

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp)]
        public string[] Set { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        int invalid = 0;
        foreach (var spec in settings.Specs)
        {
            var plan = SpecInput.Plan(errors, spec, settings.Set);
            if (plan is null) { invalid++; continue; }
            var names = string.Join(", ", plan.Models.Select(m => m.Name));
            console.Profile.Out.Writer.WriteLine($"ok: {spec}: {plan.Models.Count} model(s) planned ({names})");
        }
        return invalid == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
