using System.Formats.Tar;
using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using static Cnnexp.Data.Tests.Support.Fixtures;

namespace Cnnexp.Data.Tests;

/// <summary>Archive extraction writes only inside its folder; a crafted archive is refused and leaves nothing behind.</summary>
public class SafeTarTests
{
    static readonly byte[] Payload = "payload"u8.ToArray();

    [Fact]
    public void An_ordinary_archive_extracts_files_and_folders()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp["a.tar.gz"], TarGz(new TarItem("top/", Type: TarEntryType.Directory), new TarItem("top/sub/x.bin", Payload),
            new TarItem("./top/y.bin", Payload), new TarItem("top/sub/../z.bin", Payload)));
        SafeTar.ExtractTarGz(temp["a.tar.gz"], temp["out"]);
        Assert.Equal(["a.tar.gz", Path.Combine("out", "top", "sub", "x.bin"), Path.Combine("out", "top", "y.bin"), Path.Combine("out", "top", "z.bin")], temp.Files());
        Assert.Equal(Payload, File.ReadAllBytes(temp["out", "top", "sub", "x.bin"]));
    }

    public static TheoryData<string, TarItem, string> Crafted => new()
    {
        { "parent path", new TarItem("../evil.txt", Payload), "climbs out of the folder" },
        { "deep parent path", new TarItem("top/../../evil.txt", Payload), "climbs out of the folder" },
        { "absolute path", new TarItem("/tmp/cnnexp-evil.txt", Payload), "has an absolute path" },
        { "escaping symlink", new TarItem("top/link", Type: TarEntryType.SymbolicLink, LinkName: "../../.."), "is a link to `../../..`, outside the folder" },
        { "absolute symlink", new TarItem("link", Type: TarEntryType.SymbolicLink, LinkName: "/etc"), "is a link to `/etc`, outside the folder" },
        { "inside symlink", new TarItem("top/link", Type: TarEntryType.SymbolicLink, LinkName: "."), "is a link to `.`; only files and folders" },
        { "hard link", new TarItem("hard", Type: TarEntryType.HardLink, LinkName: "/etc/passwd"), "is a link to `/etc/passwd`, outside the folder" },
        { "file named like the folder", new TarItem(".", Payload), "is a file that names the folder itself" },
        { "file under a file", new TarItem("top/ok.bin/x.bin", Payload), "collides with an earlier entry" },
        { "file named like a folder (fuzzing)", new TarItem("top/new/", Payload), "is a file whose name ends in `/`" },
        { "folder over a file", new TarItem("top/ok.bin/", Type: TarEntryType.Directory), "collides with an earlier entry" },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public void A_crafted_entry_is_refused_and_nothing_is_left(string attack, TarItem bad, string why)
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp["evil.tar.gz"], TarGz(new TarItem("top/ok.bin", Payload), bad, new TarItem("top/after.bin", Payload)));
        var e = Assert.Throws<DataException>(() => SafeTar.ExtractTarGz(temp["evil.tar.gz"], temp["out"]));
        Assert.Contains(temp["evil.tar.gz"], e.Message);
        Assert.Contains($"entry `{bad.Name}` {why}", e.Message);
        Assert.Equal(["evil.tar.gz"], temp.Files());                               // the partial extraction was removed
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(temp.Path)!, "evil.txt")), attack);
        Assert.False(File.Exists("/tmp/cnnexp-evil.txt"));
    }

    [Fact]
    public void A_truncated_archive_is_reported_and_removed()
    {
        using var temp = new TempDir();
        var bytes = TarGz(new TarItem("top/a.bin", new byte[100_000]), new TarItem("top/b.bin", new byte[100_000]));
        File.WriteAllBytes(temp["cut.tar.gz"], bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<DataException>(() => SafeTar.ExtractTarGz(temp["cut.tar.gz"], temp["out"]));
        Assert.Contains("is not a complete .tar.gz archive", e.Message);
        Assert.False(Directory.Exists(temp["out"]));
    }
}
