using Cnnexp.Data.Tests.Support;
using Cnnexp.Results;

namespace Cnnexp.Data.Tests;

/// <summary>`cnnexp run` with `val_fraction`, `normalize` and `augment`: the trainer sees them, and the run says so.</summary>
public class TrainingWithDataTests
{
    [Fact]
    public async Task A_run_reports_validation_metrics_and_its_data_settings()
    {
        using var output = new TempDir();
        var result = await CommandLine.Run("run", Path.Combine(Repo.Root, "experiments", "quickstart.yaml"), "--out", output["run"], "--quiet",
            "--set", "train.epochs=2", "--set", "data.limit=400", "--set", "data.val_fraction=0.25",
            "--set", "data.normalize={ mean: [0.25], std: [0.2] }", "--set", "data.augment=[random_crop: 2, horizontal_flip]");
        Assert.True(result.ExitCode == 0, result.Output);
        var rows = MetricsCsv.Read(output["run", "metrics.csv"]);
        Assert.Equal(4, rows.Count);                                             // 2 models x 2 epochs
        Assert.All(rows, r => Assert.InRange(r.ValAccuracy, 0, 1));              // NaN without a validation split
        Assert.All(rows, r => Assert.True(r.ValLoss > 0));
        string log = File.ReadAllText(output["run", "run.log"]);
        Assert.Contains("synthetic: 300 training, 100 validation and 400 test images of 3x32x32", log);
        Assert.Contains("normalised with mean [0.25, 0.25, 0.25], std [0.2, 0.2, 0.2]", log);
        Assert.Contains("training augmentation: random_crop (padding 2), horizontal_flip (p 0.5)", log);
        // the samples figure shows the images, not the normalised values the model receives
        var samples = Cnnexp.Results.Artefacts.ArtefactFiles.ReadSamples(output["run"]);
        Assert.NotNull(samples);
        Assert.All(samples.Pixels.Values, v => Assert.InRange(v, 0f, 1f));
        Assert.True(samples.Pixels.Values.Max() > 0.5f);
    }
}
