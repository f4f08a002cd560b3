using System.ComponentModel;
using Cnnexp.Engine.Data;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>Options shared by the `data` commands: which cache folder, and where to download from.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--root <DIR>")]
    [Description("Data cache folder. Default: $CNNEXP_DATA or ~/.cache/cnnexp/datasets.")]
    public string? Root { get; init; }

    /// <summary>Options from the environment, with this command's overrides.</summary>
    public DataOptions Options(Action<string>? log = null)
    {
        var options = Engine.Host.HostSettings.FromEnvironment().Data with { Log = log };
        return Root is null ? options : options with { Root = Root };
    }

    public string ResolvedRoot(DataOptions options) => DataRoot.Resolve(null, options);
}
