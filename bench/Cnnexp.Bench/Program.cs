// Training overhead benchmark: cnnexp's trainer vs a minimal hand-written TorchSharp loop on the
// same in-memory data in the same process, rotating the contenders so drift shows.
// Epoch 1 of each run is a warm-up and is not counted.
// Usage: dotnet run -c Release --project bench/Cnnexp.Bench -- [--epochs 4] [--rounds 3] [--threads 2] [--dataset synthetic|cifar10]
using System.Diagnostics;
using System.Globalization;
using Cnnexp;
using Cnnexp.Bench;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;

int epochs = Arg("--epochs", 4), threads = Arg("--threads", Cnnexp.Engine.Host.HostSettings.FromEnvironment().Cores), rounds = Arg("--rounds", 3);
string dataset = args.SkipWhile(a => a != "--dataset").Skip(1).FirstOrDefault() ?? "synthetic";
NativeRuntime.EnsureLoaded(threads);

// The notebook's stack, from the file the experiments include (experiments/stacks/notebook.yaml).
string experiments = Path.Combine(RepoRoot(), "experiments");
string yaml = $$"""
    name: bench
    data: { dataset: {{dataset}}, batch_size: 64 }
    train: { epochs: {{epochs}}, optimizer: { type: adam, lr: 0.001 } }
    include: [stacks/notebook.yaml]
    models:
      standard:
        layers: [block: notebook]
    """;
var load = Experiment.Parse(yaml, Path.Combine(experiments, "bench.yaml"));
var plan = (load.Ok ? Experiment.Plan(load.Spec!).Plan : null)
           ?? throw new InvalidOperationException("bench spec does not plan:\n" + load.FormatDiagnostics());
using var data = DatasetLoader.Load(plan.Spec.Data);
if (args.SkipWhile(a => a != "--dump").Skip(1).FirstOrDefault() is { } dumpDir)
{
    Dump.Write(data, dumpDir);
    Console.WriteLine($"wrote {data.Train.Count} training and {data.Test.Count} test images to {dumpDir}");
    return;
}
Console.WriteLine($"data: {dataset}, {data.Train.Count} training / {data.Test.Count} test images; {threads} thread(s) of {Environment.ProcessorCount} cores");

// Three contenders, rotating: the plain hand-written loop (what a TorchSharp user writes), the same
// loop in cnnexp's memory layout, and cnnexp. On a shared virtual machine whole runs drift by
// 10-20% against each other, so one A-B-A triple can mislead; medians of many rotations do not.
Console.WriteLine(Line($"glibc malloc: {Cnnexp.Engine.Native.MallocTuning.State}"));
var plain = new List<List<(double Train, double Epoch)>>();
var layout = new List<List<(double Train, double Epoch)>>();
var ours = new List<List<(double Train, double Epoch)>>();
var faults = new Dictionary<string, List<double>> { ["plain"] = [], ["layout"] = [], ["cnnexp"] = [] };
long steps = epochs * (long)Math.Ceiling(data.Train.Count / 64.0);
for (int round = 0; round < rounds; round++)
{
    plain.Add(CountingFaults("plain", () => HandLoop.Train(data, 0, epochs, channelsLast: false)).Skip(1).ToList());
    layout.Add(CountingFaults("layout", () => HandLoop.Train(data, 0, epochs, channelsLast: true)).Skip(1).ToList());
    ours.Add(CountingFaults("cnnexp", CnnexpEpochs).Skip(1).ToList());
    Console.WriteLine(Line($"round {round + 1}: plain {Times(plain[^1])} | same layout {Times(layout[^1])} | cnnexp {Times(ours[^1])}"));
}
Console.WriteLine(Line($"minor page faults per training step (median of runs, whole run incl. test passes): plain {Median(faults["plain"]):F0}, same layout {Median(faults["layout"]):F0}, cnnexp {Median(faults["cnnexp"]):F0}"));

T CountingFaults<T>(string who, Func<T> run)
{
    long before = MinorFaults();
    var result = run();
    faults[who].Add((MinorFaults() - before) / (double)steps);
    return result;
}
Console.WriteLine(Line($"hand-written, plain TorchSharp, epochs' training pass / with test pass (s): {string.Join(" | ", plain.Select(Times))}"));
Console.WriteLine(Line($"hand-written, cnnexp's layout, epochs' training pass / with test pass (s): {string.Join(" | ", layout.Select(Times))}"));
Console.WriteLine(Line($"cnnexp, epochs' training pass / with test pass (s):                         {string.Join(" | ", ours.Select(Times))}"));
Console.WriteLine(Line($"peak resident memory: {PeakRssMb():F0} MB"));
foreach (var (what, pick) in new (string, Func<(double Train, double Epoch), double>)[]
         { ("training pass", t => t.Train), ("epoch (training + test pass + cnnexp's checkpoint and metrics files)", t => t.Epoch) })
{
    Compare($"{what}, cnnexp against the same loop in its layout (cnnexp's overhead)", "hand (layout)", layout.Select(r => r.Average(pick)).ToList(), ours.Select(r => r.Average(pick)).ToList());
    Compare($"{what}, cnnexp against plain TorchSharp", "hand (plain)", plain.Select(r => r.Average(pick)).ToList(), ours.Select(r => r.Average(pick)).ToList());
}

void Compare(string what, string baseline, List<double> hands, List<double> cnnexps)
{
    double h = Median(hands), c = Median(cnnexps);
    Console.WriteLine(Line($"{what}, median of run means: {baseline} {h:F2} s ({data.Train.Count / h:F0} img/s, runs {hands.Min():F2}-{hands.Max():F2}), cnnexp {c:F2} s ({data.Train.Count / c:F0} img/s, runs {cnnexps.Min():F2}-{cnnexps.Max():F2}); cnnexp/{baseline} = {c / h:F3} ({(c / h - 1) * 100:+0.0;-0.0}%)"));
}
static double Median(List<double> v)
{
    var s = v.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}
static string Times(IEnumerable<(double Train, double Epoch)> times) => string.Join(", ", times.Select(t => $"{F(t.Train)}/{F(t.Epoch)}"));

// Epoch times of the real runner (plan → modules → trainer → checkpoints → metrics files): the
// training pass as the trainer records it, and the interval between epoch-end callbacks.
List<(double Train, double Epoch)> CnnexpEpochs()
{
    string dir = Path.Combine(Path.GetTempPath(), "cnnexp-bench", Guid.NewGuid().ToString("n"));
    var times = new List<(double, double)>();
    var clock = new Stopwatch();
    Experiment.Run(plan, new RunSettings
    {
        OutDir = dir, Threads = threads, Figures = false,
        Callbacks = new()
        {
            Batch = b => { if (b.Epoch == 1 && b.Batch == 1) clock.Restart(); },
            Epoch = m => { times.Add((m.Seconds, clock.Elapsed.TotalSeconds)); clock.Restart(); },
        },
    });
    Directory.Delete(dir, recursive: true);
    return times;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
    throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
}

static long MinorFaults() => long.Parse(File.ReadAllText("/proc/self/stat").Split(") ")[1].Split(' ')[7], CultureInfo.InvariantCulture);
static double PeakRssMb() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
int Arg(string name, int fallback) =>
    int.TryParse(args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(), out int v) ? v : fallback;
