using System.Globalization;
using System.Text;

namespace Cnnexp.Cli.Cluster;

/// <summary>Kubernetes options of `cnnexp submit --k8s`.</summary>
sealed record KubernetesOptions(string Image, string? Namespace, string? VolumeClaim, string MountPath, int Cpus, int? Gpus, int? MaxParallel);

/// <summary>
/// An Indexed Job: completion index i trains the unit on line i of the unit list. The run
/// directory must be on a volume every pod mounts at the same path (<c>--pvc</c>).
/// </summary>
static class KubernetesJob
{
    /// <param name="bf16">When a model trains in bf16: the mode every pod uses (see <see cref="SlurmScript.Write"/>).</param>
    public static string Write(string jobName, string runDir, string unitList, int units, KubernetesOptions o, string? bf16 = null)
    {
        string command = $"exec cnnexp run {Shell.Quote(Path.Combine(runDir, "spec.resolved.yaml"))} --out {Shell.Quote(runDir)} " +
                         $"--unit-list {Shell.Quote(unitList)} --unit-index \"$JOB_COMPLETION_INDEX\" --quiet";
        string cpus = o.Cpus.ToString(CultureInfo.InvariantCulture);
        var y = new StringBuilder();
        y.Append("# Written by `cnnexp submit --k8s`; apply with `kubectl apply -f` this file.\n");
        y.Append("apiVersion: batch/v1\nkind: Job\nmetadata:\n");
        y.Append($"  name: {jobName}\n");
        if (o.Namespace is not null) y.Append($"  namespace: {o.Namespace}\n");
        y.Append("  labels:\n    app.kubernetes.io/name: cnnexp\n");
        y.Append("spec:\n  completionMode: Indexed\n");
        y.Append($"  completions: {units}\n  parallelism: {o.MaxParallel ?? units}\n");
        y.Append("  backoffLimitPerIndex: 1\n  maxFailedIndexes: " + units + "\n");
        y.Append("  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: unit\n");
        y.Append($"          image: {Json(o.Image)}\n");
        y.Append("          command: [\"/bin/sh\", \"-c\"]\n");
        y.Append($"          args: [{Json(command)}]\n");
        y.Append($"          env:\n            - name: CNNEXP_THREADS\n              value: \"{cpus}\"\n");
        if (bf16 is not null) y.Append($"            - name: CNNEXP_BF16\n              value: {Json(bf16)}\n");
        y.Append($"          resources:\n            requests:\n              cpu: \"{cpus}\"\n            limits:\n              cpu: \"{cpus}\"\n");
        if (o.Gpus is int g) y.Append($"              nvidia.com/gpu: \"{g}\"\n");
        if (o.VolumeClaim is not null)
        {
            y.Append($"          volumeMounts:\n            - name: runs\n              mountPath: {Json(o.MountPath)}\n");
            y.Append($"      volumes:\n        - name: runs\n          persistentVolumeClaim:\n            claimName: {Json(o.VolumeClaim)}\n");
        }
        return y.ToString();
    }

    static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>A DNS-1123 name: lower case, digits and '-', at most 63 characters.</summary>
    public static string Name(string experiment, string stamp)
    {
        var clean = new string(("cnnexp-" + experiment.ToLowerInvariant()).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        clean = clean.Trim('-');
        if (clean.Length > 48) clean = clean[..48].TrimEnd('-');
        return $"{clean}-{stamp}";
    }
}
