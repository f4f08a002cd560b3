namespace Cnnexp.Engine.Export;

/// <summary>
/// A model that cannot be written in the requested format, e.g. a `- script:` layer as PyTorch code.
/// The message names the layer and its YAML line; the CLI prints it alone and exits 2.
/// </summary>
public sealed class ExportException(string message) : Exception(message);
