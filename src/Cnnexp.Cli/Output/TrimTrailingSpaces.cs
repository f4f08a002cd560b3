using System.Text;

namespace Cnnexp.Cli.Output;

/// <summary>
/// A writer that drops spaces at the end of each line. Spectre pads table cells and help columns
/// to their width; piped into a file or a diff, that padding is noise (and fails whitespace checks).
/// </summary>
sealed class TrimTrailingSpaces(TextWriter inner) : TextWriter
{
    int pending;                                  // spaces seen but not yet written: written only if a non-space follows

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c == ' ') { pending++; continue; }
            if (c is '\n' or '\r') pending = 0;
            else if (pending > 0) { sb.Append(' ', pending); pending = 0; }
            sb.Append(c);
        }
        inner.Write(sb.ToString());
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush() => inner.Flush();
}
