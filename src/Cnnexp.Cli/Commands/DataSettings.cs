using System.ComponentModel;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>Options shared by the `data` commands: which cache folder, and where to download from.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--root <DIR>")]
    [Description("Data cache folder. Default: $CNNEXP_DATA, else $XDG_CACHE_HOME/cnnexp/datasets or ~/.cache/cnnexp/datasets.")]
    public string? Root { get; init; }

    /// <summary>The facade's settings, with this command's overrides (the environment is read there).</summary>
    public Cnnexp.DataSettings Options(Action<string>? log = null) => new() { Root = Root, Log = log };
}
