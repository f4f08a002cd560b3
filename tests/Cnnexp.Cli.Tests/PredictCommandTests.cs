using System.Globalization;
using System.Text.Json;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// `cnnexp predict` on a short run: the three formats, a folder, a bad image beside good ones, a resize
/// said plainly; and the exported MODEL.py, run by Debian's python3, gives the same classes and, within
/// 1e-5, the same logits and probabilities (docs/predict.md).
/// </summary>
public class PredictCommandTests(PredictRun run, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PredictRun>
{
    public const double Tolerance = 1e-5;

    string A => Path.Combine(run.Images, "a.png");
    string B => Path.Combine(run.Images, "sub", "b.png");
    string C => Path.Combine(run.Images, "c.jpg");

    [Fact]
    public async Task Table_lists_the_top_classes_of_each_image_with_probabilities_in_order()
    {
        var r = await Cli.Run("predict", run.Rgb, "--model", "rgb", "--top", "3", A, B);
        Assert.True(r.ExitCode == 0, r.Output);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(["image", "rank", "class", "probability"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(7, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal([A, A, A, B, B, B], rows.Select(x => x[0]));
        Assert.Equal(["1", "2", "3", "1", "2", "3"], rows.Select(x => x[1]));
        Assert.All(rows, x => Assert.Contains(x[2], Synthetic));
        var p = rows.Select(x => double.Parse(x[3], CultureInfo.InvariantCulture)).ToList();
        Assert.True(p[0] >= p[1] && p[1] >= p[2] && p[3] >= p[4] && p[4] >= p[5], r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public async Task Csv_and_json_agree_with_the_table_and_json_holds_every_class()
    {
        var table = await Cli.Run("predict", run.Rgb, "--model", "sum", "--top", "2", A);
        var csv = await Cli.Run("predict", run.Rgb, "--model", "sum", "--top", "2", "--format", "csv", A);
        var json = await Cli.Run("predict", run.Rgb, "--model", "sum", "--top", "2", "--format", "json", A);
        Assert.True(csv.ExitCode == 0 && json.ExitCode == 0, csv.Output + json.Output);
        var rows = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("image,rank,class,index,probability,logit", rows[0]);
        Assert.Equal(3, rows.Length);
        var image = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("images")[0];
        var probabilities = image.GetProperty("probabilities").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(10, probabilities.Count);
        Assert.Equal(10, image.GetProperty("logits").GetArrayLength());
        Assert.InRange(probabilities.Sum(), 1 - Tolerance, 1 + Tolerance);
        var top = image.GetProperty("top")[0];
        int index = top.GetProperty("index").GetInt32();
        Assert.Equal(probabilities.Max(), probabilities[index]);
        Assert.Equal(Synthetic[index], top.GetProperty("class").GetString());
        Assert.Equal($"{A},1,{Synthetic[index]},{index},{probabilities[index].ToString("F6", CultureInfo.InvariantCulture)}", string.Join(',', rows[1].Split(',')[..5]));
        Assert.Contains($"  {Synthetic[index]} ", table.Stdout.Split('\n')[1]);
    }

    [Fact]
    public async Task A_folder_gives_its_images_in_every_subfolder_in_path_order()
    {
        var r = await Cli.Run("predict", run.Rgb, "--model", "rgb", "--top", "1", "--format", "csv", run.Images);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Equal([A, C, B], r.Stdout.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]));   // notes.txt is no image
    }

    [Fact]
    public async Task Bad_images_are_one_error_line_each_and_exit_2_while_good_ones_are_still_reported()
    {
        string bad = Path.Combine(run.Root, "broken.png"), missing = Path.Combine(run.Root, "missing.png");
        File.WriteAllText(bad, "not a png");
        var r = await Cli.Run("predict", run.Rgb, "--model", "rgb", "--top", "1", A, bad, missing, B);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(3, r.Stdout.TrimEnd('\n').Split('\n').Length);                       // header, a.png, b.png
        Assert.Contains(A, r.Stdout);
        Assert.Contains(B, r.Stdout);
        var errors = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"error: `{bad}` cannot be decoded", errors[0]);
        Assert.Equal($"error: `{missing}` does not exist", errors[1]);
    }

    [Fact]
    public async Task An_image_of_another_size_is_resized_and_said_so()
    {
        string big = Path.Combine(run.Root, "big.png");
        PredictRun.Image(big, 64, 48, 7);
        var r = await Cli.Run("predict", run.Rgb, "--model", "rgb", big);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Equal($"note: {big} is 64x48; resized to 32x32 as the data set's images\n", r.Stderr);
        Assert.Equal(6, r.Stdout.TrimEnd('\n').Split('\n').Length);                       // header and the top 5
    }

    [Fact]
    public async Task A_run_with_several_models_needs_model_and_an_unknown_one_is_named()
    {
        var none = await Cli.Run("predict", run.Rgb, A);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("has 2 models (rgb, sum): choose one with --model", none.Stderr);
        var wrong = await Cli.Run("predict", run.Rgb, "--model", "rbg", A);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("no model `rbg`", wrong.Stderr);
        Assert.Equal("", wrong.Stdout);
    }

    [Theory]
    [InlineData("rgb")]
    [InlineData("sum")]
    [InlineData("g")]
    public async Task Exported_model_py_classifies_as_cnnexp_predict_does(string model)
    {
        string runDir = model == "g" ? run.Gray : run.Rgb, outDir = Path.Combine(run.Root, "export-" + model);
        var export = await Cli.Run("export", runDir, "--model", model, "--seed", "0", "--format", "pytorch", "-o", outDir);
        Assert.True(export.ExitCode == 0, export.Output);
        string[] images = model == "g" ? [run.SmallPngs] : [run.Pngs, A];
        var ours = await Cli.Run(["predict", runDir, "--model", model, "--format", "json", "--top", "2", .. images]);
        Assert.True(ours.ExitCode == 0, ours.Output);
        var theirs = Python.Run(Path.Combine(outDir, model + ".py"), ["--format", "json", "--top", "2", .. images]);
        Assert.True(theirs.ExitCode == 0, theirs.Stderr);
        var (logits, probabilities) = Compare(ours.Stdout, theirs.Stdout);
        output.WriteLine($"{model}: max |cnnexp - torch| logits {logits:E2}, probabilities {probabilities:E2}");
        Assert.True(logits <= Tolerance && probabilities <= Tolerance, $"max |d| logits {logits:E2}, probabilities {probabilities:E2}");
        var table = Python.Run(Path.Combine(outDir, model + ".py"), ["--top", "2", .. images]);
        var cnnexpTable = await Cli.Run(["predict", runDir, "--model", model, "--top", "2", .. images]);
        Assert.Equal(Columns(cnnexpTable.Stdout), Columns(table.Stdout));
    }

    [Fact]
    public async Task The_comparison_fails_when_model_py_scales_pixels_differently()
    {
        string outDir = Path.Combine(run.Root, "export-wrong");
        Assert.Equal(0, (await Cli.Run("export", run.Rgb, "--model", "rgb", "--seed", "0", "--format", "pytorch", "-o", outDir)).ExitCode);
        string script = Path.Combine(outDir, "rgb.py");
        File.WriteAllText(script, File.ReadAllText(script).Replace("x.div_(255.0)", "x.div_(254.0)"));
        var ours = await Cli.Run("predict", run.Rgb, "--model", "rgb", "--format", "json", run.Pngs, A);
        var theirs = Python.Run(script, "--format", "json", run.Pngs, A);
        var (logits, _) = Compare(ours.Stdout, theirs.Stdout);
        output.WriteLine($"pixels / 254: max |d| logits {logits:E2}");
        Assert.True(logits > Tolerance, $"a 0.4% change of every pixel moved the logits by only {logits:E2}");
    }

    /// <summary>The largest absolute difference of the logits and of the probabilities, after checking the images and top classes match.</summary>
    static (double Logits, double Probabilities) Compare(string ours, string theirs)
    {
        var a = JsonDocument.Parse(ours).RootElement.GetProperty("images").EnumerateArray().ToList();
        var b = JsonDocument.Parse(theirs).RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(a.Select(i => i.GetProperty("image").GetString()), b.Select(i => i.GetProperty("image").GetString()));
        Assert.Equal(4, a.Count);
        double MaxDiff(string key) => a.Zip(b, (x, y) => x.GetProperty(key).EnumerateArray().Zip(y.GetProperty(key).EnumerateArray(),
            (u, v) => Math.Abs(u.GetDouble() - v.GetDouble())).Max()).Max();
        return (MaxDiff("logits"), MaxDiff("probabilities"));
    }

    /// <summary>The table without its probability column (its last digit may round either way).</summary>
    static List<string> Columns(string table) =>
        table.TrimEnd('\n').Split('\n').Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3])).ToList();

    static readonly string[] Synthetic =
        ["bars-warm", "stripes-warm", "ring-warm", "cross-warm", "checker-warm", "bars-cool", "stripes-cool", "ring-cool", "cross-cool", "checker-cool"];
}
