namespace Cnnexp.Fuzz.Targets;

/// <summary>A broken promise that is not an exception of the tool's own: a file outside the target folder, a plan that does not round-trip.</summary>
public sealed class FuzzFinding(string message) : Exception(message);
