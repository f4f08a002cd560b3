using Cnnexp.Data.Tests.Support;
using static Cnnexp.Data.Tests.Support.Fixtures;

namespace Cnnexp.Data.Tests;

/// <summary>`cnnexp data list | fetch | import-cifar10` as a user runs them: what they print and their exit codes.</summary>
public class DataCommandTests
{
    public DataCommandTests() => Torch.Ready();

    [Fact]
    public async Task List_shows_every_data_set_and_what_is_on_this_machine()
    {
        using var temp = new TempDir();
        CifarBinaryTests.WriteTinyCifar10(temp.Path);
        var result = await CommandLine.Run("data", "list", "--root", temp.Path);
        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "synthetic", "cifar10", "cifar100", "mnist", "fashion-mnist", "imagefolder" })
            Assert.Contains($" {name} ", result.Output);
        Assert.Contains(temp["cifar10", "cifar-10-batches-bin"], result.Output);
        Assert.Contains("built in", result.Output);
        Assert.Contains("50,000 / 10,000", result.Output);
        Assert.Contains($"data cache: {temp.Path}", result.Output);
    }

    [Fact]
    public async Task Fetch_without_a_network_says_which_files_to_place_where()
    {
        using var temp = new TempDir();
        string mirror = $"http://127.0.0.1:{LoopbackServer.FreePort()}/";
        var result = await CommandLine.Run("data", "fetch", "cifar100", "--root", temp.Path, "--mirror", mirror);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("data error: cifar100 is not in the data cache and could not be downloaded", result.Output);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz  (168,513,733 bytes, MD5 03b5dce01913d631647c71ecec9e9cb8)", result.Output);
        Assert.Contains($"and place it in\n  {temp["cifar100"]}/", result.Output.ReplaceLineEndings("\n"));
        Assert.Empty(temp.Files());
    }

    [Fact]
    public async Task Fetch_shows_progress_and_refuses_a_file_with_the_wrong_checksum()
    {
        using var temp = new TempDir();
        var junk = new byte[3_000_000];
        new Random(1).NextBytes(junk);
        using var server = new LoopbackServer(new() { ["cifar-10-binary.tar.gz"] = junk });
        var result = await CommandLine.Run("data", "fetch", "cifar10", "--root", temp.Path, "--mirror", server.Url);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cifar-10-binary.tar.gz: 0% of 3,000,000 bytes", result.Output);      // a line per tenth reached
        Assert.Contains("cifar-10-binary.tar.gz: 100% of 3,000,000 bytes", result.Output);
        Assert.Contains($"received a file with MD5 {Md5(junk)}, expected c32a1d4ab5d03f1284b67883e8d87530 (deleted)", result.Output);
        Assert.Empty(temp.Files());
    }

    [Fact]
    public async Task Fetch_of_a_set_installed_by_a_system_package_checks_and_loads_it()
    {
        Assert.True(Directory.Exists("/usr/share/datasets/fashion-mnist"), "install the Debian package dataset-fashion-mnist (.ci/run does)");
        using var temp = new TempDir();
        var result = await CommandLine.Run("data", "fetch", "fashion-mnist", "--root", temp.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("already installed in /usr/share/datasets/fashion-mnist", result.Output);
        Assert.Contains("fashion-mnist: 60,000 training and 10,000 test images of 1x28x28 in /usr/share/datasets/fashion-mnist", result.Output);
    }

    [Fact]
    public async Task Fetch_of_a_built_in_or_unknown_set_says_so()
    {
        var synthetic = await CommandLine.Run("data", "fetch", "synthetic");
        Assert.Equal(0, synthetic.ExitCode);
        Assert.Contains("built in", synthetic.Output);
        var unknown = await CommandLine.Run("data", "fetch", "imagenet");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown data set `imagenet`; known: cifar10, cifar100, mnist, fashion-mnist", unknown.Output);
    }

    [Fact]
    public async Task Import_rejects_a_source_that_is_not_cifar10()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp["small.tar.gz"], TarGz(new TarItem("x/train/cat/a.png", [1, 2, 3]), new TarItem("x/test/cat/a.png", [1])));
        var result = await CommandLine.Run("data", "import-cifar10", temp["small.tar.gz"], "--root", temp["cache"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has the classes [cat]; CIFAR-10 needs exactly [airplane, automobile", result.Output);
        Assert.False(Directory.Exists(temp["cache", "cifar10", "cifar-10-batches-bin"]));
        Assert.True(!Directory.Exists(temp["cache"]) || Directory.GetFileSystemEntries(temp["cache"], "*", SearchOption.AllDirectories).All(Directory.Exists),
            "no file (temporary or not) is left in the cache");
    }
}
