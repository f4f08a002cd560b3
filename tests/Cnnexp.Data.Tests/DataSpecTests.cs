using Cnnexp.Data.Tests.Support;
using Cnnexp.Spec;
using Cnnexp.Spec.Augmentations;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Data.Tests;

/// <summary>`data:` keys bind with the same diagnostics as the rest of a spec; cross-field rules name both keys and the line.</summary>
public class DataSpecTests
{
    const string Models = """
        models:
          m:
            layers: [flatten, { linear: { out: 10 } }]
        """;

    static (LoadResult Load, IReadOnlyList<Diagnostic> Plan) Check(string data, string models = Models)
    {
        var load = SpecLoader.LoadText($"name: t\ndata: {data}\n{models}", "t.yaml");
        if (!load.Ok) return (load, []);
        var diagnostics = new DiagnosticBag();
        Planner.Plan(load.Spec!, diagnostics);
        return (load, diagnostics.Items);
    }

    static string Errors(string data) =>
        Check(data) is var (load, plan) ? DiagnosticFormatter.FormatAll([.. load.Diagnostics, .. plan], load.Sources) : "";

    [Fact]
    public void The_allowed_names_are_the_catalog_s()
    {
        var field = typeof(DataSpec).GetProperty(nameof(DataSpec.Dataset))!.GetCustomAttributes(typeof(Cnnexp.Spec.Binding.FieldAttribute), false)
            .Cast<Cnnexp.Spec.Binding.FieldAttribute>().Single();
        Assert.Equal(DatasetCatalog.Names, field.Allowed!);
    }

    [Fact]
    public void Full_data_settings_bind_and_survive_the_resolved_spec()
    {
        var (load, plan) = Check("""
            { dataset: cifar10, batch_size: 128, limit: 500, val_fraction: 0.1,
                    normalize: { mean: [0.4914, 0.4822, 0.4465], std: [0.247, 0.2435, 0.2616] },
                    augment: [random_crop: { padding: 4 }, horizontal_flip] }
            """, Models.Replace("out: 10", "out: 10"));
        Assert.True(load.Ok, load.FormatDiagnostics());
        Assert.Empty(plan);
        var data = load.Spec!.Data;
        Assert.Equal(0.1, data.ValFraction);
        Assert.Equal([4], data.Augment!.OfType<RandomCrop>().Select(c => c.Padding));
        Assert.Equal(0.5, data.Augment!.OfType<HorizontalFlip>().Single().P);
        string resolved = SpecWriter.Write(load.Spec);
        Assert.Contains("augment:\n    - random_crop: { padding: 4 }\n    - horizontal_flip: { p: 0.5 }\n", resolved);
        var again = SpecLoader.LoadText(resolved, "resolved.yaml");
        Assert.True(again.Ok, again.FormatDiagnostics());
        Assert.Equal(resolved, SpecWriter.Write(again.Spec!));
    }

    [Fact]
    public void Misspelt_data_set_and_augmentation_suggest_the_right_names()
    {
        string errors = Errors("{ dataset: cifar-10, augment: [horizontal_flop] }");
        Assert.Contains("t.yaml:2:18: error: `data.dataset` cannot be `cifar-10`", errors);
        Assert.Contains("did you mean `cifar10`?", errors);
        Assert.Contains("unknown augmentation `horizontal_flop`", errors);
        Assert.Contains("did you mean `horizontal_flip`?", errors);
    }

    public static TheoryData<string, string> CrossField => new()
    {
        { "{ dataset: cifar10, path: images }", "t.yaml:2:33: error: `data.path` applies only to `data.dataset: imagefolder`, but the data set is `cifar10`" },
        { "{ dataset: mnist, resize: 32 }", "`data.resize` applies only to `data.dataset: imagefolder`" },
        { "{ dataset: imagefolder }", "t.yaml:2:18: error: `data.dataset: imagefolder` needs `data.path`" },
        { "{ dataset: mnist, normalize: { mean: [0.1, 0.2, 0.3], std: [0.3] } }", "data normalize: `mean` has 3 values, but the input 1x28x28 has 1 channel(s)" },
        { "{ dataset: imagefolder, path: nowhere, channels: 2 }", "`data.channels` is 2; image folders load as 3 (RGB) or 1 (grayscale) channels" },
        { "{ val_fraction: 0.95 }", "`data.val_fraction` is 0.95, outside the allowed range [0, 0.9]" },
        { "{ augment: [random_crop: { padding: -1 }] }", "outside the allowed range [0, 64]" },
    };

    [Theory]
    [MemberData(nameof(CrossField))]
    public void A_bad_combination_is_reported_at_its_line(string data, string expected) =>
        Assert.Contains(expected, Errors(data));

    [Fact]
    public void An_image_folder_is_described_from_its_files_relative_to_the_spec()
    {
        using var temp = new TempDir();
        for (int c = 0; c < 2; c++) Fixtures.Image(temp["images", "train", $"k{c}", "a.png"], 20, 10, c);
        Fixtures.Image(temp["images", "test", "k1", "a.png"], 20, 10, 5);
        File.WriteAllText(temp["spec.yaml"], $"name: t\ndata: {{ dataset: imagefolder, path: images, test_fraction: 0.5 }}\n" +
            Models.Replace("out: 10", "out: 2"));
        var load = SpecLoader.LoadFile(temp["spec.yaml"]);
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.Equal("`data.test_fraction` has no effect: `data.path` already has `train/` and `test/` folders",
            Assert.Single(diagnostics.Items).Message);
        var info = DatasetCatalog.Describe(load.Spec!.Data with { TestFraction = null }, new DiagnosticBag())!;
        Assert.Equal(["k0", "k1"], info.Classes);
        Assert.Equal("3x10x20", info.ImageShape.ToString());          // height 10, width 20 from the PNG header
        Assert.Null(plan);
    }

    [Fact]
    public void Jpeg_and_png_headers_give_width_and_height()
    {
        using var temp = new TempDir();
        Fixtures.Image(temp["a.jpg"], 33, 17, 1, SkiaSharp.SKEncodedImageFormat.Jpeg);
        Fixtures.Image(temp["a.png"], 5, 9, 1);
        File.WriteAllText(temp["a.txt"], "nope");
        Assert.Equal(new ImageHeader(33, 17), ImageHeader.Read(temp["a.jpg"]));
        Assert.Equal(new ImageHeader(5, 9), ImageHeader.Read(temp["a.png"]));
        Assert.Null(ImageHeader.Read(temp["a.txt"]));
    }
}
