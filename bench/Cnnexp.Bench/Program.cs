// Training overhead benchmark: cnnexp's trainer vs a minimal hand-written TorchSharp loop on the
// same in-memory data in the same process, alternating (hand, cnnexp, hand, …) so drift shows.
// Epoch 1 of each run is a warm-up and is not counted.
// Usage: dotnet run -c Release --project bench/Cnnexp.Bench -- [--epochs 4] [--rounds 3] [--threads 2] [--dataset synthetic|cifar10]
using System.Diagnostics;
using System.Globalization;
using Cnnexp;
using Cnnexp.Bench;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;

int epochs = Arg("--epochs", 4), threads = Arg("--threads", NativeRuntime.DefaultThreads()), rounds = Arg("--rounds", 3);
string dataset = args.SkipWhile(a => a != "--dataset").Skip(1).FirstOrDefault() ?? "synthetic";
NativeRuntime.EnsureLoaded(threads);

string yaml = $$"""
    name: bench
    data: { dataset: {{dataset}}, batch_size: 64 }
    train: { epochs: {{epochs}}, optimizer: { type: adam, lr: 0.001 } }
    models:
      standard:
        layers:
          - conv2d: { out: 8, kernel: 3, padding: 1 }
          - relu
          - conv2d: { out: 16, kernel: 3, padding: 1 }
          - relu
          - maxpool2d: { kernel: 2 }
          - flatten
          - linear: { out: 64 }
          - relu
          - linear: { out: 10 }
    """;
var plan = Experiment.Plan(Experiment.Parse(yaml, "bench.yaml").Spec!).Plan ?? throw new InvalidOperationException("bench spec does not plan");
using var data = DatasetLoader.Load(plan.Spec.Data);
if (args.SkipWhile(a => a != "--dump").Skip(1).FirstOrDefault() is { } dumpDir)
{
    Dump.Write(data, dumpDir);
    Console.WriteLine($"wrote {data.Train.Count} training and {data.Test.Count} test images to {dumpDir}");
    return;
}
Console.WriteLine($"data: {dataset}, {data.Train.Count} training / {data.Test.Count} test images; {threads} thread(s) of {Environment.ProcessorCount} cores");

// Alternate hand, cnnexp, hand, cnnexp, …, hand (--rounds cnnexp runs): on a shared virtual
// machine whole runs drift by 10-20% against each other, so one A-B-A triple can mislead; the
// medians of many alternating runs do not.
var hand = new List<List<(double Train, double Epoch)>> { HandLoop.Train(data, 0, epochs).Skip(1).ToList() };
var ours = new List<List<(double Train, double Epoch)>>();
for (int round = 0; round < rounds; round++)
{
    ours.Add(CnnexpEpochs().Skip(1).ToList());
    hand.Add(HandLoop.Train(data, 0, epochs).Skip(1).ToList());
}
Console.WriteLine(Line($"hand-written runs, epochs' training pass / with test pass (s): {string.Join(" | ", hand.Select(Times))}"));
Console.WriteLine(Line($"cnnexp runs, epochs' training pass / with test pass (s):       {string.Join(" | ", ours.Select(Times))}"));
Console.WriteLine(Line($"peak resident memory: {PeakRssMb():F0} MB"));
Compare("training pass", hand.Select(r => r.Average(t => t.Train)).ToList(), ours.Select(r => r.Average(t => t.Train)).ToList());
Compare("epoch (training + test pass + cnnexp's checkpoint and metrics files)", hand.Select(r => r.Average(t => t.Epoch)).ToList(), ours.Select(r => r.Average(t => t.Epoch)).ToList());

void Compare(string what, List<double> hands, List<double> cnnexps)
{
    double h = Median(hands), c = Median(cnnexps);
    Console.WriteLine(Line($"{what}, median of run means: hand-written {h:F2} s ({data.Train.Count / h:F0} img/s, runs {hands.Min():F2}-{hands.Max():F2}), cnnexp {c:F2} s ({data.Train.Count / c:F0} img/s, runs {cnnexps.Min():F2}-{cnnexps.Max():F2}); cnnexp/hand = {c / h:F3} (overhead {(c / h - 1) * 100:+0.0;-0.0}%)"));
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

static double PeakRssMb() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
int Arg(string name, int fallback) =>
    int.TryParse(args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(), out int v) ? v : fallback;
