using System.Diagnostics;
using System.Globalization;
using Cnnexp.Engine.Artefacts;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Engine.Training;

/// <summary>
/// Plan → run directory: trains every model for every seed and writes spec.resolved.yaml,
/// metrics.csv (a row as each epoch finishes), summary.json and run.log.
/// </summary>
public static class ExperimentRunner
{
    public static RunSummary Run(ExperimentPlan plan, RunOptions options, CancellationToken cancel = default)
    {
        NativeRuntime.EnsureLoaded(options.Threads);
        Directory.CreateDirectory(options.OutDir);
        RunFiles.WriteAtomic(Path.Combine(options.OutDir, RunFiles.ResolvedSpec), SpecWriter.Write(plan.Spec));
        string metricsPath = Path.Combine(options.OutDir, RunFiles.Metrics);
        File.Delete(metricsPath);
        using var log = new StreamWriter(Path.Combine(options.OutDir, RunFiles.Log), append: true) { AutoFlush = true };
        void Log(string line)
        {
            log.WriteLine($"{DateTime.UtcNow:O} {line}");
            options.Log?.Invoke(line);
        }

        var clock = Stopwatch.StartNew();
        using var data = DatasetLoader.Load(plan.Spec.Data);
        Log($"data: {data.Info.Name}, {data.Train.Count} training and {data.Test.Count} test images");
        var models = new List<ModelSummary>();
        var artefacts = new ArtefactRecorder(plan, data, options.OutDir);   // tensors the figures need
        foreach (var model in plan.Models)
        {
            var seeds = new List<SeedResult>();
            foreach (int seed in plan.Spec.Seeds)
            {
                var trainer = new Trainer(model, plan.Spec.Train, plan.Spec.Data.BatchSize, data, seed);
                seeds.Add(trainer.Run(m =>
                {
                    MetricsCsv.Append(metricsPath, m);
                    Log(string.Create(CultureInfo.InvariantCulture,
                        $"{m.Model} seed {m.Seed} epoch {m.Epoch}/{plan.Spec.Train.Epochs}: train loss {m.TrainLoss:F4}, " +
                        $"train acc {m.TrainAccuracy:P1}, test loss {m.TestLoss:F4}, test acc {m.TestAccuracy:P1}, " +
                        $"{m.ImagesPerSecond:F0} img/s"));
                    options.OnEpoch?.Invoke(m);
                }, cancel, trained => artefacts.Record(model, seed, trained)));
            }
            models.Add(new ModelSummary { Name = model.Name, Parameters = model.Parameters, Macs = model.Macs, Seeds = seeds });
        }
        var summary = new RunSummary
        {
            Name = plan.Spec.Name, Description = plan.Spec.Description, Dataset = data.Info.Name,
            Seeds = plan.Spec.Seeds, Models = models, Seconds = clock.Elapsed.TotalSeconds, Checks = artefacts.Checks,
        };
        RunFiles.WriteJson(Path.Combine(options.OutDir, RunFiles.Summary), summary);
        return summary;
    }
}
