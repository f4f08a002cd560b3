// Training overhead benchmark: cnnexp's trainer vs a minimal hand-written TorchSharp loop on the
// same in-memory data in the same process, run A-B-A (hand, cnnexp, hand) so drift shows.
// Epoch 1 of each run is a warm-up and is not counted.
// Usage: dotnet run -c Release --project bench/Cnnexp.Bench -- [--epochs 4] [--threads 2] [--dataset synthetic|cifar10]
using System.Diagnostics;
using System.Globalization;
using Cnnexp;
using Cnnexp.Bench;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;

int epochs = Arg("--epochs", 4), threads = Arg("--threads", NativeRuntime.DefaultThreads());
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

var hand1 = HandLoop.Train(data, 0, epochs).Skip(1).ToList();
var ours = CnnexpEpochs().Skip(1).ToList();
var hand2 = HandLoop.Train(data, 0, epochs).Skip(1).ToList();
double h = hand1.Concat(hand2).Average(), c = ours.Average();
Console.WriteLine(Line($"hand-written epochs (s): {string.Join(", ", hand1.Select(F))} | {string.Join(", ", hand2.Select(F))}"));
Console.WriteLine(Line($"cnnexp epochs (s):       {string.Join(", ", ours.Select(F))}"));
Console.WriteLine(Line($"peak resident memory: {PeakRssMb():F0} MB"));
Console.WriteLine(Line($"mean epoch: hand-written {h:F2} s ({data.Train.Count / h:F0} img/s), cnnexp {c:F2} s ({data.Train.Count / c:F0} img/s); cnnexp/hand = {c / h:F3} (overhead {(c / h - 1) * 100:+0.0;-0.0}%)"));

// Epoch times of the real runner (plan → modules → trainer → checkpoints → metrics files), from the
// interval between epoch-end callbacks.
List<double> CnnexpEpochs()
{
    string dir = Path.Combine(Path.GetTempPath(), "cnnexp-bench", Guid.NewGuid().ToString("n"));
    var times = new List<double>();
    var clock = new Stopwatch();
    Experiment.Run(plan, new RunSettings
    {
        OutDir = dir, Threads = threads, Figures = false,
        Callbacks = new()
        {
            Batch = b => { if (b.Epoch == 1 && b.Batch == 1) clock.Restart(); },
            Epoch = _ => { times.Add(clock.Elapsed.TotalSeconds); clock.Restart(); },
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
