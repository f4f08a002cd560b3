using k8s;
using k8s.Models;

namespace Cnnexp.Cli.Tests;

public class SubmitTests
{
    const string Spec = """
        name: Sweep_1
        seeds: [0, 1, 2]
        data: { dataset: synthetic, limit: 100 }
        train: { epochs: 1 }
        models:
          a:
            layers: [flatten, linear: { out: 10 }]
          b:
            layers: [conv2d: { out: 2, kernel: 3 }, flatten, linear: { out: 10 }]
        """;

    static string WriteSpec()
    {
        string dir = Cli.TempDir(), spec = Path.Combine(dir, "sweep.yaml");
        File.WriteAllText(spec, Spec);
        return spec;
    }

    [Fact]
    public async Task Kubernetes_manifest_is_a_valid_indexed_job_over_every_pending_unit()
    {
        string spec = WriteSpec(), run = Path.Combine(Path.GetDirectoryName(spec)!, "run");
        var result = await Cli.Run("submit", spec, "--out", run, "--k8s", "--image", "registry.example/cnnexp:0.1",
            "--pvc", "cnnexp-runs", "--mount", Path.GetDirectoryName(spec)!, "--cpus-per-task", "4", "--max-parallel", "2");
        Assert.True(result.ExitCode == 0, result.Output);
        string file = Directory.GetFiles(Path.Combine(run, "k8s"), "job-*.yaml").Single();

        // Strict: any field the Kubernetes API does not define fails deserialisation.
        var job = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(file), strict: true);
        Assert.Equal("batch/v1", job.ApiVersion);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(6, job.Spec.Completions);                                 // 2 models x 3 seeds
        Assert.Equal(2, job.Spec.Parallelism);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", job.Metadata.Name);
        Assert.True(job.Metadata.Name.Length <= 63);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.Contains("--unit-index \"$JOB_COMPLETION_INDEX\"", container.Args.Single());
        Assert.Equal("4", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("cnnexp-runs", job.Spec.Template.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName);

        var list = File.ReadAllLines(Directory.GetFiles(Path.Combine(run, "k8s"), "units-*.txt").Single());
        Assert.Equal(6, list.Length);
        Assert.Contains(list, id => id.StartsWith("b-s2-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slurm_dry_run_writes_a_throttled_array_script_and_unit_ids_are_stable()
    {
        string spec = WriteSpec(), run = Path.Combine(Path.GetDirectoryName(spec)!, "run");
        var result = await Cli.Run("submit", spec, "--out", run, "--slurm", "--dry-run", "--partition", "gpu", "--time", "01:00:00",
            "--cpus-per-task", "4", "--gpus-per-task", "1", "--max-parallel", "3", "--cnnexp", "/opt/cnnexp/cnnexp");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("#SBATCH --array=0-5%3", result.Output);
        Assert.Contains("#SBATCH --partition=gpu", result.Output);
        Assert.Contains("#SBATCH --gpus-per-task=1", result.Output);
        Assert.Contains("--unit-index \"$SLURM_ARRAY_TASK_ID\"", result.Output);
        Assert.DoesNotContain("CNNEXP_BF16", result.Output);                   // no model in bf16

        var plan1 = await Cli.Run("plan", spec);
        Assert.True(plan1.ExitCode == 0, plan1.Output);
        var plan2 = await Cli.Run("plan", Path.Combine(run, "spec.resolved.yaml"));
        var ids = File.ReadAllLines(Directory.GetFiles(Path.Combine(run, "slurm"), "units-*.txt").Single());
        foreach (var id in ids)
        {
            Assert.Contains(id, plan1.Output);                                  // the spec and its resolved form agree
            Assert.Contains(id, plan2.Output);
        }
        // A unit's id depends only on what it trains: a new model leaves the others' ids alone.
        File.AppendAllText(spec, "\n  c:\n    layers: [flatten, linear: { out: 10 }]\n");
        var plan3 = await Cli.Run("plan", spec);
        foreach (var id in ids) Assert.Contains(id, plan3.Output);
    }

    [Fact]
    public async Task Jobs_of_a_bf16_study_share_one_bf16_mode_whatever_their_nodes_cpus()
    {
        if (Environment.GetEnvironmentVariable("CNNEXP_BF16") is { Length: > 0 }) return;   // the submitter's choice would win
        string dir = Cli.TempDir(), spec = Path.Combine(dir, "bf16.yaml");
        File.WriteAllText(spec, Spec.Replace("train: { epochs: 1 }", "train: { epochs: 1, precision: bf16 }"));
        var slurm = await Cli.Run("submit", spec, "--out", Path.Combine(dir, "slurm-run"), "--slurm", "--dry-run", "--cnnexp", "/opt/cnnexp");
        Assert.True(slurm.ExitCode == 0, slurm.Output);
        Assert.Contains("export CNNEXP_BF16=\"${CNNEXP_BF16:-emulated}\"", slurm.Output);

        var k8s = await Cli.Run("submit", spec, "--out", Path.Combine(dir, "k8s-run"), "--k8s", "--image", "registry.example/cnnexp:0.4", "--mount", dir);
        Assert.True(k8s.ExitCode == 0, k8s.Output);
        var job = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "k8s-run", "k8s"), "job-*.yaml").Single()), strict: true);
        Assert.Equal("emulated", job.Spec.Template.Spec.Containers.Single().Env.Single(e => e.Name == "CNNEXP_BF16").Value);
    }

    [Fact]
    public async Task Shards_split_the_units_between_processes()
    {
        string spec = WriteSpec(), run = Path.Combine(Path.GetDirectoryName(spec)!, "run");
        var shard = await Cli.Run("run", spec, "--out", run, "--shard", "1/3", "--quiet", "--threads", "1");
        Assert.True(shard.ExitCode == 0, shard.Output);
        var done = Results.Ledger.Read(run).Where(e => e.Status == Results.UnitStatus.Done).Select(e => (e.Model, e.Seed)).ToList();
        Assert.Equal([("a", 1), ("b", 1)], done);                              // units 1 and 4 of 6
        var bad = await Cli.Run("run", spec, "--out", run, "--unit", "a-s9-deadbeef");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no unit `a-s9-deadbeef`", bad.Output);
    }
}
