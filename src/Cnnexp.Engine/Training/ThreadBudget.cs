namespace Cnnexp.Engine.Training;

/// <summary>
/// How a run spends the machine's cores: <see cref="Jobs"/> units train side by side, each with
/// <see cref="Threads"/> libtorch threads. libtorch's thread count is one number per process, so every
/// unit of a run gets the same; a unit's metrics depend on it (float summation order), never on the jobs.
/// </summary>
public sealed record ThreadBudget(int Jobs, int Threads)
{
    /// <summary>
    /// The budget for <paramref name="units"/> units on <paramref name="cores"/> cores. Either number may
    /// be left to cnnexp (null). The rule, measured on the notebook's model (docs/benchmarks.md): small
    /// CNNs do not scale over threads inside one step, so cores go to units first — one thread per unit,
    /// as many units as cores — and only the cores left over go to threads. Given threads, jobs fill the
    /// rest of the cores. On CUDA units run one at a time.
    /// </summary>
    /// <returns>The budget, or an error naming the option and what is allowed.</returns>
    public static (ThreadBudget? Budget, string? Error) Resolve(int? jobs, int? threads, int cores, int units, bool cuda)
    {
        if (jobs is < 1) return (null, $"--jobs must be `auto` or a whole number from 1 to {cores} (this machine has {cores} cores)");
        if (threads is < 1) return (null, $"--threads must be a whole number from 1 to {cores} (this machine has {cores} cores)");
        int wanted = Math.Max(1, units);
        int j = jobs ?? (cuda ? 1 : threads is int t0 ? Math.Max(1, cores / t0) : Math.Min(cores, wanted));
        int t = threads ?? Math.Max(1, cores / j);
        if ((long)j * t > cores)
            return (null, jobs is null && threads is not null
                ? $"--threads {t} is more than this machine's {cores} cores: use a whole number from 1 to {cores}"
                : $"--jobs {j} x --threads {t} = {j * t} threads, more than this machine's {cores} cores: " +
                  $"libtorch's threads spin, so oversubscribed cores run many times slower. Use at most {cores} in all, e.g. --jobs {Math.Min(j, cores)} --threads {Math.Max(1, cores / Math.Min(j, cores))}");
        return (new ThreadBudget(j, t), null);
    }
}
