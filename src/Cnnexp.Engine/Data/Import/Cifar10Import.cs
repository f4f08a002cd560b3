using Cnnexp.Engine.Data.Formats;
using Cnnexp.Engine.Data.ImageFolders;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Data.Import;

/// <summary>
/// Writes CIFAR-10 into the data cache in the official binary layout from its images in class
/// folders (`train/CLASS/*.jpg`, `test/CLASS/*.jpg`, as a folder or a .tar.gz), for machines that
/// cannot download the official archive. Records are shuffled with a fixed seed, so each batch
/// file mixes the classes as the official ones do. The result is written beside the cache and
/// renamed into place when complete.
/// </summary>
public static class Cifar10Import
{
    const string Note = "cnnexp-import.txt";

    /// <summary>Returns the folder written, ROOT/cifar10/cifar-10-batches-bin.</summary>
    public static string Run(string source, string root, DataOptions options, bool replace = false)
    {
        var cifar = CifarSource.Cifar10;
        source = Path.GetFullPath(source);
        string target = cifar.ExtractedIn(root);
        if (Directory.Exists(target) && !replace)
            throw new DataException($"`{target}` already exists; remove it first (or pass --force) to replace it");
        string work = Path.Combine(cifar.FolderIn(root), $".import-{Guid.NewGuid():n}");
        try
        {
            var (train, test) = Decode(Images(source), source, options);
            using (train)
            using (test)
            {
                string output = Path.Combine(work, cifar.Folder);
                Directory.CreateDirectory(output);
                WriteBatches(output, train, test, source);
                if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                Directory.Move(output, target);
            }
            options.Log?.Invoke($"wrote CIFAR-10 (converted from {source}) to {target}");
            return target;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The images of a .tar.gz (read in memory) or of a folder holding `train/` and `test/` (directly or one level down).</summary>
    static ArchiveImages Images(string source)
    {
        if (File.Exists(source)) return ArchiveImages.Read(source);
        if (!Directory.Exists(source))
            throw new DataException($"`{source}` does not exist; give a folder or a .tar.gz holding train/CLASS/ and test/CLASS/ image folders");
        var candidates = new[] { source }.Concat(Directory.EnumerateDirectories(source).Order(StringComparer.Ordinal));
        string folder = candidates.FirstOrDefault(d => Directory.Exists(Path.Combine(d, "train")) && Directory.Exists(Path.Combine(d, "test")))
            ?? throw new DataException($"`{source}` has no `train/` and `test/` folders (directly or one level down); " +
                                       "CIFAR-10 images must be laid out as train/CLASS/*.jpg and test/CLASS/*.jpg");
        var scan = ImageFolderLayout.Scan(folder);
        var layout = scan.Layout ?? throw new DataException($"{scan.Error} ({scan.Hint})");
        return new ArchiveImages(layout.Classes,
            [.. layout.Train.Select(f => new EncodedImage(f.Path, f.Label, f.Path))],
            [.. (layout.Test ?? []).Select(f => new EncodedImage(f.Path, f.Label, f.Path))]);
    }

    static (ImageSplit Train, ImageSplit Test) Decode(ArchiveImages images, string source, DataOptions options)
    {
        var info = DatasetCatalog.Cifar10;
        if (!images.Classes.SequenceEqual(info.Classes))
            throw new DataException($"`{source}` has the classes [{string.Join(", ", images.Classes)}]; CIFAR-10 needs exactly [{string.Join(", ", info.Classes)}]");
        if (images.Train.Count != info.TrainCount || images.Test.Count != info.TestCount)
            throw new DataException($"`{source}` has {DataErrors.N(images.Train.Count)} training and {DataErrors.N(images.Test.Count)} test images; " +
                                    $"CIFAR-10 has {DataErrors.N(info.TrainCount ?? 0)} and {DataErrors.N(info.TestCount ?? 0)}");
        var shape = Shape.Image(3, CifarBinary.Side, CifarBinary.Side);
        options.Log?.Invoke($"decoding {DataErrors.N(images.Train.Count + images.Test.Count)} images of {source}");
        var train = ImageFolderLoader.DecodeAll(images.Train, shape, resize: false, options);
        try { return (train, ImageFolderLoader.DecodeAll(images.Test, shape, resize: false, options)); }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    static void WriteBatches(string output, ImageSplit train, ImageSplit test, string source)
    {
        var cifar = CifarSource.Cifar10;
        using var shuffledTrain = train.Select(Shuffled(train.Count, 1));
        using var shuffledTest = test.Select(Shuffled(test.Count, 2));
        int perFile = train.Count / cifar.TrainFiles.Count;
        for (int i = 0; i < cifar.TrainFiles.Count; i++)
        {
            using var images = shuffledTrain.Images.narrow(0, i * perFile, perFile);
            using var labels = shuffledTrain.Labels.narrow(0, i * perFile, perFile);
            CifarBinary.Write(Path.Combine(output, cifar.TrainFiles[i]), images, labels);
        }
        CifarBinary.Write(Path.Combine(output, cifar.TestFile), shuffledTest.Images, shuffledTest.Labels);
        File.WriteAllLines(Path.Combine(output, "batches.meta.txt"), cifar.Info.Classes);
        File.WriteAllText(Path.Combine(output, Note),
            $"Written by cnnexp from {source}: CIFAR-10 images converted to the official binary layout.{Environment.NewLine}" +
            $"If those images were JPEGs, pixels differ slightly from the official release; labels are unchanged.{Environment.NewLine}");
    }

    static long[] Shuffled(int count, int salt)
    {
        var order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        new Random(Seeds.Mix(0xc1fa, salt)).Shuffle(order);
        return order;
    }

    /// <summary>True when the cached CIFAR-10 was written by <see cref="Run"/> rather than unpacked from the official archive.</summary>
    public static bool IsImported(string root) => File.Exists(Path.Combine(CifarSource.Cifar10.ExtractedIn(root), Note));
}
