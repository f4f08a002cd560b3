namespace Cnnexp.Cli.Output;

/// <summary>How `--format` prints a table: box-drawing characters, plain ASCII, or a Markdown table to paste.</summary>
public enum TableFormat { Table, Ascii, Markdown }

/// <summary>Parses the `--format` option shared by the commands that print tables.</summary>
public static class TableFormats
{
    public const string Help = "How to print tables: table (default), ascii, or markdown.";

    public static TableFormat? Parse(string text) => text.ToLowerInvariant() switch
    {
        "table" => TableFormat.Table,
        "ascii" => TableFormat.Ascii,
        "markdown" or "md" => TableFormat.Markdown,
        _ => null,
    };

    public static string Error(string text) => $"--format must be table, ascii or markdown, not `{text}`";
}
