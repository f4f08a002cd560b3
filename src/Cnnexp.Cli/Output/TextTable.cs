using System.Text;
using Spectre.Console;

namespace Cnnexp.Cli.Output;

/// <summary>
/// A table of plain text cells, printed as a Spectre table (box or ASCII borders, wrapped to the
/// console's width) or as a Markdown table (never wrapped, so it stays valid Markdown).
/// </summary>
public sealed class TextTable(params string[] columns)
{
    public enum Emphasis { None, Dim, Bold }

    sealed record Row(IReadOnlyList<string> Cells, Emphasis Emphasis);

    readonly List<Row?> rows = [];                 // null: an empty separator row
    readonly HashSet<int> right = [];

    public string? Title { get; init; }

    /// <summary>The border of the default (`table`) format.</summary>
    public TableBorder Border { get; init; } = TableBorder.Square;

    public TextTable RightAlign(params int[] indices)
    {
        right.UnionWith(indices);
        return this;
    }

    public void Add(params string[] cells) => rows.Add(new Row(cells, Emphasis.None));

    public void Add(Emphasis emphasis, params string[] cells) => rows.Add(new Row(cells, emphasis));

    public void AddEmpty() => rows.Add(null);

    public void Write(IAnsiConsole console, TableFormat format)
    {
        if (format == TableFormat.Markdown) console.Profile.Out.Writer.Write(Markdown());
        else console.Write(Spectre(format == TableFormat.Ascii ? TableBorder.Ascii : Border));
    }

    Table Spectre(TableBorder border)
    {
        var table = new Table().Border(border);
        if (Title is not null) table.Title($"[bold]{Markup.Escape(Title)}[/]");
        for (int i = 0; i < columns.Length; i++)
            table.AddColumn(right.Contains(i) ? new TableColumn(Markup.Escape(columns[i])).RightAligned() : new TableColumn(Markup.Escape(columns[i])));
        foreach (var row in rows)
        {
            if (row is null) { table.AddEmptyRow(); continue; }
            string style = row.Emphasis switch { Emphasis.Dim => "dim", Emphasis.Bold => "bold", _ => "" };
            table.AddRow(row.Cells.Select(c => style.Length == 0 || c.Length == 0 ? Markup.Escape(c) : $"[{style}]{Markup.Escape(c)}[/]").ToArray());
        }
        return table;
    }

    string Markdown()
    {
        var sb = new StringBuilder();
        if (Title is not null) sb.Append("**").Append(Title).Append("**\n\n");
        sb.Append(Line(columns)).Append('\n');
        sb.Append(Line(columns.Select((_, i) => right.Contains(i) ? "--:" : "---"))).Append('\n');
        foreach (var row in rows.OfType<Row>())
            sb.Append(Line(row.Cells.Select(c => row.Emphasis == Emphasis.Bold && c.Length > 0 ? $"**{c}**" : c))).Append('\n');
        return sb.ToString();
    }

    static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
}
