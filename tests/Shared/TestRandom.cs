using static TorchSharp.torch;

/// <summary>
/// Random tensors for tests, from a generator of the test's own thread. libtorch's global generator is
/// shared by every test running in parallel, and cnnexp seeds it under a lock to give a unit its initial
/// weights (UnitRandom.Initialise): a test drawing from it at the same moment changed those weights, and
/// made a comparison of two seeded builds fail now and then in CI. Tests never draw from it.
/// </summary>
static class TestRandom
{
    [ThreadStatic] static Generator? generator;

    /// <summary>This thread's generator (seeded 0 until <see cref="Seed"/>).</summary>
    public static Generator Generator => generator ??= new Generator(0);

    /// <summary>Restarts this thread's generator: the draws after it are the same every run.</summary>
    public static void Seed(long seed) => Generator.manual_seed(seed);
}
