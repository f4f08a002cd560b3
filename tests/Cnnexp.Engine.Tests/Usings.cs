global using Cnnexp.TestSupport;
global using Xunit;
