using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>
/// Random numbers of one unit. Initial weights come from libtorch's global generator, which every
/// thread of the process shares: seeding it and building the model happen under one lock, so a
/// unit gets the same weights whether it trains alone or beside others. Everything drawn while
/// training (dropout masks) comes from the unit's own generator, reseeded every epoch so a resumed
/// run draws what an uninterrupted one would.
/// </summary>
public sealed class UnitRandom(int seed) : IDisposable
{
    /// <summary>The unit's own generator; pass it to the model builder.</summary>
    public Generator Generator { get; } = new((ulong)seed);

    /// <summary>Runs <paramref name="build"/> with the global generator seeded with the unit's seed, alone in the process.</summary>
    public static T Initialise<T>(int seed, Func<T> build)
    {
        lock (Modules.ModelBuilder.GlobalGenerator)
        {
            manual_seed(seed);
            return build();
        }
    }

    /// <summary>
    /// The draws of epoch <paramref name="epoch"/>: the same whatever came before. The global generator
    /// is reseeded too, for script layers that draw from it (deterministic only when units train one
    /// at a time: docs/hooks.md).
    /// </summary>
    public void StartEpoch(int epoch)
    {
        int mixed = Data.Seeds.Mix(seed, epoch, 0xd0);
        Generator.manual_seed(mixed);
        lock (Modules.ModelBuilder.GlobalGenerator) manual_seed(mixed);
    }

    public void Dispose() => Generator.Dispose();
}
