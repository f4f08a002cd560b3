global using Cnnexp.TestSupport;
global using Xunit;

// Tests that train or run notebooks share the CPU: run this assembly's classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
