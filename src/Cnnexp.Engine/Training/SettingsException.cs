namespace Cnnexp.Engine.Training;

/// <summary>A run setting that cannot work on this machine (e.g. more threads than cores): the user's input, exit 2.</summary>
public sealed class SettingsException(string message) : Exception(message);
