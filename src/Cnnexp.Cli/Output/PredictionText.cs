using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cnnexp.Cli.Output;

/// <summary>
/// `cnnexp predict`'s output as a plain table, CSV or JSON. The exported MODEL.py prints exactly these
/// formats (PyTorchPredictScript), so the two outputs can be compared line by line: keep them in step.
/// </summary>
static class PredictionText
{
    public static readonly string[] Formats = ["table", "csv", "json"];

    public static string Write(string format, PredictResult result) => format switch
    {
        "csv" => Csv(result),
        "json" => Json(result),
        _ => Table(result),
    };

    static string F6(double v) => v.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>image, rank, class, probability: names left-aligned, numbers right-aligned, two spaces between columns.</summary>
    static string Table(PredictResult result)
    {
        var rows = result.Images.SelectMany(i => i.Top.Select(t => new[] { i.Image, t.Rank.ToString(CultureInfo.InvariantCulture), t.Name, F6(t.Probability) })).ToList();
        if (rows.Count == 0) return "";
        string[] header = ["image", "rank", "class", "probability"];
        var widths = Enumerable.Range(0, 4).Select(c => rows.Append(header).Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var r in rows.Prepend(header))
            text.Append(r[0].PadRight(widths[0])).Append("  ").Append(r[1].PadLeft(widths[1])).Append("  ")
                .Append(r[2].PadRight(widths[2])).Append("  ").Append(r[3].PadLeft(widths[3])).Append('\n');
        return text.ToString();
    }

    static string Csv(PredictResult result)
    {
        var text = new StringBuilder("image,rank,class,index,probability,logit\n");
        foreach (var i in result.Images)
            foreach (var t in i.Top)
                text.Append(CsvField(i.Image)).Append(',').Append(t.Rank).Append(',').Append(CsvField(t.Name)).Append(',')
                    .Append(t.Index).Append(',').Append(F6(t.Probability)).Append(',').Append(F6(t.Logit)).Append('\n');
        return text.ToString();
    }

    static string CsvField(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";

    /// <summary>Every class's logit and probability per image, at full float32 precision, and its top classes.</summary>
    static string Json(PredictResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", result.Model);
            json.WriteStartArray("classes");
            foreach (var c in result.Classes) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("images");
            foreach (var i in result.Images) Image(json, i);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static void Image(Utf8JsonWriter json, ImagePrediction i)
    {
        json.WriteStartObject();
        json.WriteString("image", i.Image);
        json.WriteNumber("width", i.Width);
        json.WriteNumber("height", i.Height);
        json.WriteBoolean("resized", i.Resized);
        json.WriteStartArray("top");
        foreach (var t in i.Top)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", t.Rank);
            json.WriteNumber("index", t.Index);
            json.WriteString("class", t.Name);
            json.WriteNumber("probability", t.Probability);
            json.WriteNumber("logit", t.Logit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Numbers(json, "logits", i.Logits);
        Numbers(json, "probabilities", i.Probabilities);
        json.WriteEndObject();
    }

    static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
