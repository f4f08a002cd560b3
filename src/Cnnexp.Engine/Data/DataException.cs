namespace Cnnexp.Engine.Data;

/// <summary>Data that cannot be loaded as asked (missing, corrupt, wrong shape): invalid input, exit code 2.</summary>
public sealed class DataException(string message) : Exception(message);
