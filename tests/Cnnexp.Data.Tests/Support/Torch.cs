using Cnnexp.Engine.Native;

namespace Cnnexp.Data.Tests.Support;

/// <summary>Loads libtorch once, with one thread (tests run beside other processes).</summary>
static class Torch
{
    public static void Ready() => NativeRuntime.EnsureLoaded(1);
}
