using System.Text;

namespace Cnnexp.Cli.Cluster;

/// <summary>Slurm options of `cnnexp submit --slurm`.</summary>
sealed record SlurmOptions(string? Partition, string? Time, int CpusPerTask, int? GpusPerTask, int? MaxParallel);

/// <summary>An sbatch array script: one array task per pending unit, each running `cnnexp run --unit-list … --unit-index $SLURM_ARRAY_TASK_ID`.</summary>
static class SlurmScript
{
    /// <param name="bf16">When a model trains in bf16: the mode every task uses unless the job's environment sets
    /// CNNEXP_BF16, so tasks on nodes of different CPUs do not each choose (docs/cluster.md).</param>
    public static string Write(string name, string runDir, string unitList, int units, SlurmOptions o, string cnnexp, string? bf16 = null)
    {
        string logs = Path.Combine(runDir, "slurm", "logs");
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append($"#SBATCH --job-name={Shell.Quote("cnnexp-" + name)}\n");
        sb.Append($"#SBATCH --array=0-{units - 1}{(o.MaxParallel is int k ? $"%{k}" : "")}\n");
        sb.Append($"#SBATCH --cpus-per-task={o.CpusPerTask}\n");
        sb.Append($"#SBATCH --output={Shell.Quote(Path.Combine(logs, "%A_%a.out"))}\n");
        if (o.Partition is not null) sb.Append($"#SBATCH --partition={Shell.Quote(o.Partition)}\n");
        if (o.Time is not null) sb.Append($"#SBATCH --time={Shell.Quote(o.Time)}\n");
        if (o.GpusPerTask is int g) sb.Append($"#SBATCH --gpus-per-task={g}\n");
        sb.Append("# Written by `cnnexp submit`; one array task per unit listed in the unit list below.\n");
        sb.Append("set -euo pipefail\n");
        // The cores Slurm granted (1 unless --cpus-per-task), never more than the task can see (cnnexp refuses more).
        sb.Append("cpus=\"${SLURM_CPUS_PER_TASK:-1}\"; seen=\"$(nproc)\"\n");
        sb.Append("export CNNEXP_THREADS=\"$(( cpus < seen ? cpus : seen ))\"\n");
        if (bf16 is not null) sb.Append($"export CNNEXP_BF16=\"${{CNNEXP_BF16:-{bf16}}}\"   # one bf16 mode for every task\n");
        sb.Append($"exec {cnnexp} run {Shell.Quote(Path.Combine(runDir, "spec.resolved.yaml"))} --out {Shell.Quote(runDir)} ");
        sb.Append($"--unit-list {Shell.Quote(unitList)} --unit-index \"$SLURM_ARRAY_TASK_ID\" --quiet\n");
        return sb.ToString();
    }
}
