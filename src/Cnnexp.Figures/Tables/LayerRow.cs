namespace Cnnexp.Figures.Tables;

/// <summary>One row of a model's layer table: an input transform or a layer, with its computed shapes.</summary>
public sealed record LayerRow(string Name, string Kind, string Settings, string Input, string Output, long Parameters, long Macs);
