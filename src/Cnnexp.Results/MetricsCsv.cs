using System.Globalization;
using System.Text;

namespace Cnnexp.Results;

/// <summary>
/// metrics.csv: one header, one row per model, seed and epoch; appended as epochs finish. Columns
/// after the built-in ones hold <see cref="EpochMetrics.Extra"/> (custom metrics, hook values); a
/// cell is empty where a row has no value for its column.
/// </summary>
public static class MetricsCsv
{
    /// <summary>The built-in columns, always first and in this order.</summary>
    public const string Header = "model,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,val_loss,val_accuracy,learning_rate,seconds,images_per_second";

    static readonly string[] Builtin = Header.Split(',');

    /// <summary>True for a built-in column name, which extra values may not reuse.</summary>
    public static bool IsBuiltin(string column) => Builtin.Contains(column);

    public static string Row(EpochMetrics m) => Row(m, m.Extra.Keys.ToList());

    static string Row(EpochMetrics m, IReadOnlyList<string> extras) => string.Join(',', new[]
    {
        Quote(m.Model), m.Seed.ToString(CultureInfo.InvariantCulture), m.Epoch.ToString(CultureInfo.InvariantCulture),
        F(m.TrainLoss), F(m.TrainAccuracy), F(m.TestLoss), F(m.TestAccuracy), F(m.ValLoss), F(m.ValAccuracy),
        F(m.LearningRate), F(m.Seconds), F(m.ImagesPerSecond),
    }.Concat(extras.Select(c => m.Extra.TryGetValue(c, out double v) ? F(v) : "")));

    /// <summary>
    /// Appends one row (writing the header first for a new file) and flushes it to disk. A row with a
    /// column the file lacks rewrites the file, atomically, with the wider header.
    /// </summary>
    public static void Append(string path, EpochMetrics m)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        var extras = fresh ? [] : ExtraColumns(File.ReadLines(path).First());
        if (!fresh && m.Extra.Keys.Any(k => !extras.Contains(k)))
        {
            Write(path, [.. Read(path), m]);
            return;
        }
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        if (fresh) writer.Write(HeaderFor(m.Extra.Keys.ToList()) + "\n");
        writer.Write(Row(m, fresh ? m.Extra.Keys.ToList() : extras) + "\n");
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Drops rows past <paramref name="epochs"/> (an epoch whose state was never committed).</summary>
    public static void Truncate(string path, int epochs)
    {
        if (!File.Exists(path)) return;
        var rows = Read(path);
        if (rows.All(r => r.Epoch <= epochs)) return;
        Write(path, rows.Where(r => r.Epoch <= epochs));
    }

    /// <summary>Writes all rows at once, atomically; the extra columns are every row's, in order of first use.</summary>
    public static void Write(string path, IEnumerable<EpochMetrics> rows)
    {
        var list = rows.ToList();
        var extras = list.SelectMany(r => r.Extra.Keys).Distinct().ToList();
        RunFiles.WriteAtomic(path, HeaderFor(extras) + "\n" + string.Concat(list.Select(r => Row(r, extras) + "\n")));
    }

    public static IReadOnlyList<EpochMetrics> Read(string path)
    {
        var rows = new List<EpochMetrics>();
        var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) return rows;
        var extras = ExtraColumns(lines.Current);
        while (lines.MoveNext())
        {
            if (string.IsNullOrWhiteSpace(lines.Current)) continue;
            var f = SplitCsv(lines.Current);
            rows.Add(new EpochMetrics
            {
                Model = f[0], Seed = int.Parse(f[1], CultureInfo.InvariantCulture), Epoch = int.Parse(f[2], CultureInfo.InvariantCulture),
                TrainLoss = D(f[3]), TrainAccuracy = D(f[4]), TestLoss = D(f[5]), TestAccuracy = D(f[6]),
                ValLoss = D(f[7]), ValAccuracy = D(f[8]), LearningRate = D(f[9]), Seconds = D(f[10]), ImagesPerSecond = D(f[11]),
                Extra = extras.Select((c, i) => (c, Cell: Builtin.Length + i < f.Count ? f[Builtin.Length + i] : ""))
                    .Where(x => x.Cell.Length > 0).ToDictionary(x => x.c, x => D(x.Cell)),
            });
        }
        return rows;
    }

    static string HeaderFor(IReadOnlyList<string> extras) =>
        extras.Count == 0 ? Header : Header + "," + string.Join(',', extras.Select(Quote));

    static List<string> ExtraColumns(string header) => SplitCsv(header).Skip(Builtin.Length).ToList();

    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
