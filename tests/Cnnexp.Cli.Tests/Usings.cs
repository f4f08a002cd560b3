global using Cnnexp.TestSupport;
global using Xunit;

// Training tests share the CPU: run this assembly's classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
