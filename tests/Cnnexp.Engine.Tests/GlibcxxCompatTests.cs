using System.Diagnostics;
using System.Reflection;

namespace Cnnexp.Engine.Tests;

/// <summary>The build-time patch that lets TorchSharp load on Debian 12 / Ubuntu 22.04.</summary>
public class GlibcxxCompatTests
{
    static string Metadata(string key) => typeof(GlibcxxCompatTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    static string Original => Path.Combine(Metadata("NuGetPackageRoot"), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    static string NativeDir => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");

    [Fact]
    public void Patch_marks_the_version_weak_once_and_is_idempotent()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"lts-{Guid.NewGuid():n}.so");
        File.Copy(Original, copy);
        try
        {
            Assert.Contains("Name: GLIBCXX_3.4.32  Flags: none", ReadElf("-V", copy));
            Assert.StartsWith("patched", GlibcxxCompat.Patch(copy));
            Assert.Contains("Name: GLIBCXX_3.4.32  Flags: WEAK", ReadElf("-V", copy));
            Assert.DoesNotContain("_ZSt21ios_base_library_initv@GLIBCXX_3.4.32", ReadElf("--dyn-syms -W", copy));
            Assert.Equal("unchanged: already patched", GlibcxxCompat.Patch(copy));
        }
        finally { File.Delete(copy); }
    }

    [Fact]
    public void Patch_refuses_a_library_that_really_needs_the_newer_libstdcxx()
    {
        // Forge the case the patch must not hide: a second symbol bound to GLIBCXX_3.4.32.
        byte[] elf = File.ReadAllBytes(Original);
        var victim = ForgeSecondUser(elf);
        var e = Assert.Throws<InvalidDataException>(() => GlibcxxCompat.Patch(elf));
        Assert.Contains(victim, e.Message);
    }

    [Fact]
    public void Build_output_holds_the_patched_library_and_no_unused_libtorch_files()
    {
        Assert.Contains("Flags: WEAK", ReadElf("-V", Path.Combine(NativeDir, "libLibTorchSharp.so")));
        var unused = Metadata("CnnexpUnusedLibTorch").Split(';', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("libtorch_python", unused);
        foreach (var lib in Directory.GetFiles(NativeDir, "*.so*"))
        {
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(lib), unused);
            string needed = ReadElf("-d", lib);
            foreach (var u in unused) Assert.DoesNotContain($"[{u}.so]", needed);
        }
    }

    /// <summary>Rebinds another GLIBCXX-versioned dynamic symbol to the 3.4.32 version index; returns its name.</summary>
    static string ForgeSecondUser(byte[] elf)
    {
        string syms = ReadElf("--dyn-syms -W", Original);
        var line = syms.Split('\n').First(l => l.Contains("@GLIBCXX_3.4.") && !l.Contains("3.4.32") && l.Contains(" UND "));
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int index = int.Parse(parts[0].TrimEnd(':'));
        string name = parts[7].Split('@')[0];
        string sections = ReadElf("-S -W", Original);
        var versym = sections.Split('\n').First(l => l.Contains(".gnu.version ") && l.Contains("VERSYM"));
        var cols = versym[(versym.IndexOf(']') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long offset = Convert.ToInt64(cols[3], 16);                   // Name Type Address Off ...
        elf[offset + 2 * index] = 18;                                  // version index of GLIBCXX_3.4.32 here
        elf[offset + 2 * index + 1] = 0;
        return name;
    }

    static string ReadElf(string args, string file)
    {
        var info = new ProcessStartInfo("readelf") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args.Split(' ')) info.ArgumentList.Add(a);
        info.ArgumentList.Add(file);
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
