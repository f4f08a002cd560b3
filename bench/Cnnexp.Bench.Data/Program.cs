using System.Globalization;
using Cnnexp.Bench.Data;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Import;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Engine.Native;

// Data benchmark: loading CIFAR-10's binary files, and epochs of batches without a model.
//   dotnet run -c Release --project bench/Cnnexp.Bench.Data -- [--root DIR] [--threads N] [--runs N]
// CIFAR-10 is read from the data cache (--root, else $CNNEXP_DATA or ~/.cache/cnnexp/datasets). When it is
// not there, it is written first into a temporary cache from ../shared/data/cifar10-jpeg.tar.gz.
string? root = Arg("--root");
int threads = int.Parse(Arg("--threads") ?? "1", CultureInfo.InvariantCulture);
int runs = int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture);
NativeRuntime.EnsureLoaded(threads);

var options = Cnnexp.Engine.Host.HostSettings.FromEnvironment().Data is var o && root is not null ? o with { Root = root } : o;
root = DataRoot.Resolve(null, options);
string? temporary = null;
var results = new List<Measure>();
if (CifarSource.Cifar10.FindLocal(root, options) is not { } found || !Directory.Exists(found))
{
    temporary = root = Path.Combine(Path.GetTempPath(), $"cnnexp-bench-{Guid.NewGuid():n}");
    string archive = Path.Combine(RepoRoot(), "..", "shared", "data", "cifar10-jpeg.tar.gz");
    Console.Error.WriteLine($"CIFAR-10 is not in the cache; converting {archive} into {root}");
    results.Add(Measure.Median("CIFAR-10 JPEG archive -> binary layout (decode 60,000 JPEGs)", 1, 60_000,
        () => Cifar10Import.Run(archive, root, options)));
}
try
{
    LoadedSplits? splits = null;
    results.Add(Measure.Median("load CIFAR-10 binary files into tensors", runs, 60_000, () =>
    {
        if (splits is not null) { splits.Train.Dispose(); splits.Test.Dispose(); }
        splits = CifarSource.Cifar10.Read(root, options);
    }));
    foreach (int batch in new[] { 64, 128 })
        results.AddRange(EpochBench.Run(splits!.Train, batch, runs));
    Console.WriteLine($"threads: {threads} (libtorch), runs: {runs} (median), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine();
    Console.WriteLine(Measure.Header);
    foreach (var r in results) Console.WriteLine(r.Row());
}
finally
{
    if (temporary is not null) Directory.Delete(temporary, recursive: true);
}

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
    throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
}
