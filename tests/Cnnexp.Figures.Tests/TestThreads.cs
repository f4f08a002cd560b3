using System.Runtime.CompilerServices;
using Cnnexp.Engine.Host;
using Cnnexp.Engine.Native;

namespace Cnnexp.Figures.Tests;

/// <summary>
/// Test processes run side by side and libtorch's OpenMP threads spin: every libtorch call in this
/// assembly gets the thread count tests/test.runsettings gives ($CNNEXP_THREADS), as the command line would.
/// </summary>
static class TestThreads
{
    [ModuleInitializer]
    internal static void Init() => NativeRuntime.EnsureLoaded(HostSettings.FromEnvironment().Cores);
}
