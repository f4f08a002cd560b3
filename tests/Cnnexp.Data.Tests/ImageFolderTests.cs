using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Spec.Model;
using SkiaSharp;

namespace Cnnexp.Data.Tests;

/// <summary>Image folders: classes from subfolders, decoded once, cached, and every bad file named.</summary>
public class ImageFolderTests
{
    public ImageFolderTests() => Torch.Ready();

    /// <summary>train/ and test/ with 3 classes of PNG (and one JPEG) images of 8x6 (width x height).</summary>
    static string SplitFolder(TempDir temp)
    {
        string root = temp["images"];
        string[] classes = ["cat", "dog", "eel"];
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < 4; i++) Fixtures.Image(Path.Combine(root, "train", classes[c], $"{i:000}.png"), 8, 6, 10 * c + i);
            Fixtures.Image(Path.Combine(root, "test", classes[c], "a.png"), 8, 6, 100 + c);
        }
        Fixtures.Image(Path.Combine(root, "train", "dog", "zz.jpg"), 8, 6, 50, SKEncodedImageFormat.Jpeg);
        File.WriteAllText(Path.Combine(root, "train", "cat", "notes.txt"), "not an image");   // ignored
        File.WriteAllText(Path.Combine(root, "train", "cat", ".hidden.png"), "ignored");        // hidden: ignored
        return root;
    }

    static DataSpec Folder(string path, string root) => new() { Dataset = "imagefolder", Path = path, Root = root };

    static DataOptions Quiet(List<string>? log = null) => new() { Download = false, DecodeThreads = 2, Log = log is null ? null : log.Add };

    [Fact]
    public void Classes_come_from_subfolders_and_pixels_are_planar_rgb()
    {
        using var temp = new TempDir();
        string root = SplitFolder(temp);
        using var data = DatasetLoader.Load(Folder(root, temp["cache"]), Quiet());
        Assert.Equal(["cat", "dog", "eel"], data.Info.Classes);
        Assert.Equal("3x6x8", data.Info.ImageShape.ToString());
        Assert.Equal(13, data.Train.Count);
        Assert.Equal(3, data.Test.Count);
        Assert.Equal([0L, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2], data.Train.Labels.data<long>().ToArray());
        // cat/002.png (seed 2), pixel x=5, y=3: R = seed*40 + x*5, G = y*7 + seed, B = seed*13 + x + y
        Assert.Equal([105, 23, 34], Enumerable.Range(0, 3).Select(c => (int)data.Train.Images[2, c, 3, 5].item<byte>()));
        Assert.Equal(root, data.Location);
    }

    [Fact]
    public void The_second_load_reads_the_cache_and_a_changed_file_invalidates_it()
    {
        using var temp = new TempDir();
        string root = SplitFolder(temp);
        var log = new List<string>();
        using (var first = DatasetLoader.Load(Folder(root, temp["cache"]), Quiet(log)))
        using (var second = DatasetLoader.Load(Folder(root, temp["cache"]), Quiet(log)))
        {
            Assert.Contains(log, l => l.Contains("decoding 16 images"));
            Assert.Contains(log, l => l.Contains("from the cache"));
            Assert.True(Fixtures.Same(first.Train.Images, second.Train.Images));
            Assert.True(Fixtures.Same(first.Test.Labels, second.Test.Labels));
        }
        Assert.Single(Directory.GetFiles(temp["cache", "imagefolder"]));
        log.Clear();
        Fixtures.Image(Path.Combine(root, "train", "eel", "003.png"), 8, 6, 77);
        File.SetLastWriteTimeUtc(Path.Combine(root, "train", "eel", "003.png"), DateTime.UtcNow.AddMinutes(1));
        using (var third = DatasetLoader.Load(Folder(root, temp["cache"]), Quiet(log)))
        {
            Assert.Contains(log, l => l.Contains("decoding 16 images"));
            Assert.Equal(77 * 40 % 256, third.Train.Images[12, 0, 0, 0].item<byte>());
        }
        Assert.Single(Directory.GetFiles(temp["cache", "imagefolder"]));         // replaced, not accumulated
    }

    [Theory]
    [InlineData(-5)]                                   // new long[-5] threw OverflowException, past the damaged-cache catch
    [InlineData(int.MaxValue)]                         // asked for a 16 GB label array
    public void A_cache_with_a_damaged_image_count_is_decoded_again(int count)
    {
        using var temp = new TempDir();
        string root = SplitFolder(temp);
        using (DatasetLoader.Load(Folder(root, temp["cache"]), Quiet())) { }
        string cache = Assert.Single(Directory.GetFiles(temp["cache", "imagefolder"]));
        var bytes = File.ReadAllBytes(cache);
        BitConverter.GetBytes(count).CopyTo(bytes, 8 + 32 + 12);                  // magic, key, C, H, W, then the train count
        File.WriteAllBytes(cache, bytes);
        var log = new List<string>();
        using var data = DatasetLoader.Load(Folder(root, temp["cache"]), Quiet(log));
        Assert.Contains(log, l => l.Contains("decoding 16 images"));
        Assert.Equal(16, data.Train.Count + data.Test.Count);
    }

    [Fact]
    public void Resize_and_grayscale_give_the_asked_shape()
    {
        using var temp = new TempDir();
        string root = SplitFolder(temp);
        Fixtures.Image(Path.Combine(root, "train", "eel", "big.png"), 40, 30, 3);
        using var data = DatasetLoader.Load(Folder(root, temp["cache"]) with { Resize = new IntPair(12, 16), Channels = 1 }, Quiet());
        Assert.Equal("1x12x16", data.Info.ImageShape.ToString());
        Assert.Equal([14L, 1, 12, 16], data.Train.Images.shape);
    }

    [Fact]
    public void A_folder_without_train_and_test_holds_out_test_fraction_of_each_class()
    {
        using var temp = new TempDir();
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 10; i++) Fixtures.Image(temp["flat", $"class{c}", $"{i}.png"], 4, 4, i + 10 * c);
        using var data = DatasetLoader.Load(Folder(temp["flat"], temp["cache"]) with { TestFraction = 0.3 }, Quiet());
        Assert.Equal(14, data.Train.Count);
        Assert.Equal(6, data.Test.Count);
        Assert.Equal([3L, 3], data.Test.Labels.bincount(null).data<long>().ToArray());
    }

    public static TheoryData<string, Action<string>, string> BadFolders => new()
    {
        { "wrong size", root => Fixtures.Image(Path.Combine(root, "train", "dog", "odd.png"), 9, 6, 1),
          "odd.png` is 9x6 (width x height), but the folder's images are 8x6 like its first image; add `resize: [6, 8]`" },
        { "unreadable", root => File.WriteAllText(Path.Combine(root, "train", "eel", "broken.png"), "not a png"),
          "broken.png` cannot be decoded" },
        { "truncated", root => File.WriteAllBytes(Path.Combine(root, "test", "cat", "cut.png"), File.ReadAllBytes(Path.Combine(root, "test", "cat", "a.png"))[..60]),
          "cut.png` cannot be decoded" },
        { "empty class", root => Directory.CreateDirectory(Path.Combine(root, "train", "fox")),
          "class folder `" },
        { "first image's header says a negative width (fuzzing)", root => PngWidth(Path.Combine(root, "train", "cat", "000.png"), -16),
          "000.png` says it is -16x6 pixels (width x height); an image folder's images may be 1 to 4,096 pixels a side" },
        { "first image's header says it is too wide", root => PngWidth(Path.Combine(root, "train", "cat", "000.png"), 5000),
          "000.png` says it is 5000x6 pixels (width x height); an image folder's images may be 1 to 4,096 pixels a side (add `resize: [HEIGHT, WIDTH]`" },
        { "label outside the classes", root => Fixtures.Image(Path.Combine(root, "test", "yak", "a.png"), 8, 6, 1),
          "yak` is not one of the 3 training classes (cat, dog, eel): every label must come from the class list" },
    };

    /// <summary>Overwrites a PNG's width in its IHDR header (big-endian, at byte 16), leaving the pixels as they are.</summary>
    static void PngWidth(string png, int width)
    {
        var bytes = File.ReadAllBytes(png);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        File.WriteAllBytes(png, bytes);
    }

    [Theory]
    [MemberData(nameof(BadFolders))]
    public void A_bad_file_or_folder_is_named_with_what_was_expected(string problem, Action<string> spoil, string expected)
    {
        using var temp = new TempDir();
        string root = SplitFolder(temp);
        spoil(root);
        var e = Assert.Throws<DataException>(() => DatasetLoader.Load(Folder(root, temp["cache"]), Quiet()));
        Assert.Contains(expected, e.Message);
        Assert.False(Directory.Exists(temp["cache", "imagefolder"]), problem);   // nothing cached from a failed load
    }
}
