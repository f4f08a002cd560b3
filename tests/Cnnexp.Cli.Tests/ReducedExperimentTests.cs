namespace Cnnexp.Cli.Tests;

/// <summary>
/// Every shipped experiment trains end to end in a reduced form (synthetic data, 200 images, one
/// epoch, one seed; sweeps cut to one value), so none rots between real runs.
/// </summary>
public class ReducedExperimentTests
{
    public static TheoryData<string> Experiments =>
        new(Directory.GetFiles(Repo.Path("experiments"), "*.yaml").Select(Path.GetFileName).Where(f => f != "quickstart.yaml").Order()!);

    [Theory, MemberData(nameof(Experiments))]
    public async Task Experiment_runs_in_reduced_form(string file)
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        string[] reduce = ["--set", "data.dataset=synthetic", "--set", "data.limit=200", "--set", "train.epochs=1", "--set", "seeds=[0]"];
        if (file == "width.yaml")
            reduce = [.. reduce, "--set", "models.standard.sweep.conv1.out=[4]", "--set", "models.sumfirst.sweep.conv1.out=[4]"];
        var result = await Cli.Run(["run", Repo.Path("experiments", file), "--out", outDir, "--quiet", .. reduce]);
        Assert.True(result.ExitCode == 0, result.Output);
        var models = Cnnexp.Results.MetricsCsv.Read(Path.Combine(outDir, "metrics.csv")).Select(m => m.Model).Distinct().ToList();
        Assert.True(models.Count >= 2, string.Join(", ", models));
    }
}
