using System.Runtime.CompilerServices;
using Cnnexp.Engine.Host;
using Cnnexp.Engine.Native;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// Test processes run side by side and libtorch's OpenMP threads spin: every libtorch call in this
/// assembly gets the thread count tests/test.runsettings gives ($CNNEXP_THREADS), as the command line would.
/// </summary>
static class TestThreads
{
    /// <summary>Cores a run in a test may use, as the command line would pass them (1 under tests/test.runsettings).</summary>
    public static int Cores { get; } = HostSettings.FromEnvironment().Cores;

    [ModuleInitializer]
    internal static void Init() => NativeRuntime.EnsureLoaded(Cores);
}
