namespace Cnnexp.Hooks;

/// <summary>A registered figure: its name, drawing function and size in pixels.</summary>
public sealed record FigureHook(string Name, Action<FigureContext> Draw, int Width, int Height);
