using System.Globalization;
using System.Text;

namespace Cnnexp.Results;

/// <summary>metrics.csv: one header, one row per model, seed and epoch; appended as epochs finish.</summary>
public static class MetricsCsv
{
    public const string Header = "model,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,val_loss,val_accuracy,learning_rate,seconds,images_per_second";

    public static string Row(EpochMetrics m) => string.Join(',',
        Quote(m.Model), m.Seed, m.Epoch, F(m.TrainLoss), F(m.TrainAccuracy), F(m.TestLoss), F(m.TestAccuracy),
        F(m.ValLoss), F(m.ValAccuracy), F(m.LearningRate), F(m.Seconds), F(m.ImagesPerSecond));

    /// <summary>Appends one row (writing the header first for a new file) and flushes it to disk.</summary>
    public static void Append(string path, EpochMetrics m)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        if (fresh) writer.Write(Header + "\n");
        writer.Write(Row(m) + "\n");
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Drops rows past <paramref name="epochs"/> (an epoch whose state was never committed).</summary>
    public static void Truncate(string path, int epochs)
    {
        if (!File.Exists(path)) return;
        var rows = Read(path);
        if (rows.All(r => r.Epoch <= epochs)) return;
        RunFiles.WriteAtomic(path, Header + "\n" + string.Concat(rows.Where(r => r.Epoch <= epochs).Select(r => Row(r) + "\n")));
    }

    /// <summary>Writes all rows at once, atomically.</summary>
    public static void Write(string path, IEnumerable<EpochMetrics> rows) =>
        RunFiles.WriteAtomic(path, Header + "\n" + string.Concat(rows.Select(r => Row(r) + "\n")));

    public static IReadOnlyList<EpochMetrics> Read(string path)
    {
        var rows = new List<EpochMetrics>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = SplitCsv(line);
            rows.Add(new EpochMetrics
            {
                Model = f[0], Seed = int.Parse(f[1], CultureInfo.InvariantCulture), Epoch = int.Parse(f[2], CultureInfo.InvariantCulture),
                TrainLoss = D(f[3]), TrainAccuracy = D(f[4]), TestLoss = D(f[5]), TestAccuracy = D(f[6]),
                ValLoss = D(f[7]), ValAccuracy = D(f[8]), LearningRate = D(f[9]), Seconds = D(f[10]), ImagesPerSecond = D(f[11]),
            });
        }
        return rows;
    }

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
