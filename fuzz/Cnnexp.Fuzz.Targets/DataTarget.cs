using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Formats;
using Cnnexp.Engine.Data.ImageFolders;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Engine.Native;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// The data set readers. Input: byte 0 picks the reader, byte 1 its settings, the rest is the file.
/// <list type="bullet">
/// <item>0: a CIFAR binary file (1 or 2 label bytes, 0-3 records expected);</item>
/// <item>1: IDX images (28x28 or 2x2); 2: IDX labels (10 classes);</item>
/// <item>3: an MNIST file in the data cache, gzipped or not (MD5 check, gunzip);</item>
/// <item>4: an image folder whose first image is the file (planner's header read, then decoding; 1 or 3 channels, resized or not).</item>
/// </list>
/// A <see cref="DataException"/> is the expected refusal.
/// </summary>
public static class DataTarget
{
    public const int Modes = 5;

    public static void Run(byte[] input)
    {
        if (input.Length < 2) return;
        NativeRuntime.EnsureLoaded(1);
        int mode = input[0] % Modes, settings = input[1];
        byte[] file = input[2..];
        string dir = Sandbox.Fresh("run-data");
        using var scope = NewDisposeScope();
        try
        {
            switch (mode)
            {
                case 0: Cifar(file, settings, dir); break;
                case 1: IdxFormat.ReadImages(file, "images.idx3", (settings & 1) == 0 ? 28 : 2, (settings & 1) == 0 ? 28 : 2); break;
                case 2: IdxFormat.ReadLabels(file, "labels.idx1", 10, "mnist"); break;
                case 3: Mnist(file, dir); break;
                default: ImageFolder(file, settings, dir); break;
            }
        }
        catch (DataException) { }
    }

    static void Cifar(byte[] file, int settings, string dir)
    {
        int labelBytes = (settings & 1) + 1, records = (settings >> 1) & 3;
        string path = Path.Combine(dir, "data_batch_1.bin");
        File.WriteAllBytes(path, file);
        using var split = CifarBinary.Read([path], [records], labelBytes, labelBytes - 1, labelBytes == 1 ? 10 : 100, "cifar");
    }

    static void Mnist(byte[] file, string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "mnist"));
        File.WriteAllBytes(Path.Combine(dir, "mnist", IdxSource.Mnist.TrainImages.Name), file);
        var options = new DataOptions { Root = dir, Download = false, SystemFolders = [], DecodeThreads = 1 };
        var splits = IdxSource.Mnist.Read(dir, options);
        splits.Train.Dispose();
        splits.Test.Dispose();
    }

    static void ImageFolder(byte[] file, int settings, string dir)
    {
        string folder = Path.Combine(dir, "images");
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllBytes(Path.Combine(folder, "a", "001.png"), file);
        File.WriteAllBytes(Path.Combine(folder, "b", "001.png"), file);          // same size: decoding gets past the size check
        int side = ((settings >> 2) & 7) + 1;
        var data = new DataSpec
        {
            Dataset = DatasetCatalog.ImageFolder, Path = folder, Channels = (settings & 1) == 0 ? 3 : 1,
            Resize = (settings & 2) == 0 ? null : new IntPair(side, side), TestFraction = 0.5,
        };
        var info = ImageFolderInfo.Describe(data, new DiagnosticBag());
        if (info is null) return;                                 // a located diagnostic, as `cnnexp check` prints it
        var options = new DataOptions { Root = dir, Download = false, SystemFolders = [], DecodeThreads = 1 };
        var splits = ImageFolderLoader.Load(data, info, Path.Combine(dir, "cache"), options, useCache: false);
        splits.Train.Dispose();
        splits.Test.Dispose();
    }
}
