global using Cnnexp.TestSupport;
global using Xunit;

// Hook tests compile scripts and train: run this assembly's classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
