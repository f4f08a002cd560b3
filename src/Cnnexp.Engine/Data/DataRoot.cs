using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Engine.Data;

/// <summary>The data cache folder: `data.root`, else <see cref="DataOptions.Root"/> ($CNNEXP_DATA at the edge), else the user's cache.</summary>
public static class DataRoot
{
    public static string Resolve(DataSpec? data, DataOptions options) =>
        data?.Root is { } root ? DataPaths.Resolve(data, root)
        : options.Root is { } option ? Path.GetFullPath(option)
        : Default(options);

    /// <summary>CACHE_HOME/cnnexp/datasets: <c>$XDG_CACHE_HOME/cnnexp/datasets</c> or <c>~/.cache/cnnexp/datasets</c>.</summary>
    public static string Default(DataOptions options) => Path.Combine(options.CacheHome, "cnnexp", "datasets");
}
