// Makes TorchSharp's libLibTorchSharp.so load on distributions whose libstdc++
// predates GCC 13 (Debian 12, Ubuntu 22.04: GLIBCXX <= 3.4.30).
//
// Why this is safe: GCC 13's <iostream> makes every including object file
// reference `std::ios_base_library_init()` (GLIBCXX_3.4.32) only so that the
// linker records a dependency on a libstdc++ that initialises the standard
// streams itself. The reference has no relocation: nothing ever calls it.
// Older libstdc++ initialises the streams through ios_base::Init objects that
// libtorch's own translation units already contain. So we
//   (a) mark the GLIBCXX_3.4.32 entry of the version-needs table weak
//       (VER_FLG_WEAK), so ld.so accepts a libstdc++ that lacks it, and
//   (b) make the symbol unversioned and weak, so that a lookup of it (there is
//       none today) would resolve to null instead of failing the load.
// The patch refuses files where that version covers any other symbol or where
// the symbol has a relocation: a future TorchSharp that really needs newer
// libstdc++ code must fail loudly, not be silently weakened.
//
// This file is compiled twice: as an MSBuild inline task (build/TorchSharpNative.targets)
// and into the Engine tests, which check the patch on the real library.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

public static class GlibcxxCompat
{
    public const string Version = "GLIBCXX_3.4.32";
    public const string Symbol = "_ZSt21ios_base_library_initv";

    const uint ShtDynsym = 11, ShtRela = 4, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    const ushort VerFlgWeak = 0x2;

    /// <summary>Patches the ELF file in place. Returns a one-line description of what was done.</summary>
    public static string Patch(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        string result = Patch(elf);
        if (result.StartsWith("patched", StringComparison.Ordinal))
        {
            string tmp = path + ".patching";
            File.WriteAllBytes(tmp, elf);
            File.Copy(tmp, path, true);   // netstandard (MSBuild inline tasks) lacks Move(…, overwrite)
            File.Delete(tmp);
        }
        return result;
    }

    public static string Patch(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        var sections = ReadSections(elf);
        Section verneed = Find(sections, ShtVerneed), versym = Find(sections, ShtVersym), dynsym = Find(sections, ShtDynsym);
        Section dynstr = sections[(int)verneed.Link];

        int index = -1, flagsAt = -1;
        long vn = verneed.Offset;
        for (uint i = 0; i < verneed.Info; i++)
        {
            ushort count = U16(elf, vn + 2);
            long aux = vn + U32(elf, vn + 8);
            for (int j = 0; j < count; j++)
            {
                if (Str(elf, dynstr, U32(elf, aux + 8)) == Version)
                {
                    flagsAt = (int)aux + 4;
                    index = U16(elf, aux + 6);
                }
                aux += U32(elf, aux + 12);
            }
            vn += U32(elf, vn + 12);
        }
        if (index < 0) return "unchanged: no " + Version + " requirement";

        var users = new List<int>();
        long symbols = dynsym.Size / 24;
        for (int s = 0; s < symbols; s++)
            if ((U16(elf, versym.Offset + 2 * s) & 0x7fff) == index) users.Add(s);

        bool alreadyWeak = (U16(elf, flagsAt) & VerFlgWeak) != 0;
        if (users.Count == 0 && alreadyWeak) return "unchanged: already patched";
        foreach (int s in users)
        {
            string name = Str(elf, dynstr, U32(elf, dynsym.Offset + 24 * s));
            if (name != Symbol)
                throw new InvalidDataException($"{Version} also covers '{name}': this library really needs a newer libstdc++");
            if (HasRelocation(elf, sections, s))
                throw new InvalidDataException($"'{name}' is relocated: it is really used, refusing to weaken it");
        }

        W16(elf, flagsAt, (ushort)(U16(elf, flagsAt) | VerFlgWeak));
        foreach (int s in users)
        {
            W16(elf, versym.Offset + 2 * s, 1);                      // VER_NDX_GLOBAL: unversioned
            long info = dynsym.Offset + 24 * s + 4;
            elf[info] = (byte)((2 << 4) | (elf[info] & 0xf));         // STB_WEAK, same type
        }
        return $"patched: {Version} marked weak, {users.Count} symbol(s) unversioned";
    }

    static bool HasRelocation(byte[] elf, List<Section> sections, int symbol)
    {
        foreach (var sec in sections)
        {
            if (sec.Type != ShtRela || sec.EntSize != 24) continue;
            for (long r = 0; r < sec.Size / 24; r++)
                if ((long)(U64(elf, sec.Offset + 24 * r + 8) >> 32) == symbol) return true;
        }
        return false;
    }

    readonly struct Section
    {
        public Section(uint type, long offset, long size, uint link, uint info, long entSize)
        { Type = type; Offset = offset; Size = size; Link = link; Info = info; EntSize = entSize; }
        public uint Type { get; }
        public long Offset { get; }
        public long Size { get; }
        public uint Link { get; }
        public uint Info { get; }
        public long EntSize { get; }
    }

    static List<Section> ReadSections(byte[] elf)
    {
        long shoff = (long)U64(elf, 0x28);
        int size = U16(elf, 0x3a), count = U16(elf, 0x3c);
        var list = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            long h = shoff + (long)i * size;
            list.Add(new Section(U32(elf, h + 4), (long)U64(elf, h + 0x18), (long)U64(elf, h + 0x20),
                U32(elf, h + 0x28), U32(elf, h + 0x2c), (long)U64(elf, h + 0x38)));
        }
        return list;
    }

    static Section Find(List<Section> sections, uint type)
    {
        foreach (var s in sections) if (s.Type == type) return s;
        throw new InvalidDataException($"ELF section of type 0x{type:x} not found");
    }

    static string Str(byte[] elf, Section strtab, uint offset)
    {
        long start = strtab.Offset + offset, end = start;
        while (elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
    }

    static ushort U16(byte[] b, long at) => BitConverter.ToUInt16(b, (int)at);
    static uint U32(byte[] b, long at) => BitConverter.ToUInt32(b, (int)at);
    static ulong U64(byte[] b, long at) => BitConverter.ToUInt64(b, (int)at);
    static void W16(byte[] b, long at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
}

#if !CNNEXP_NO_MSBUILD_TASK
/// <summary>MSBuild task: copies InputFile to OutputFile (when stale) and patches the copy.</summary>
public class CnnexpPatchGlibcxx : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required] public string InputFile { get; set; } = "";
    [Microsoft.Build.Framework.Required] public string OutputFile { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            if (File.Exists(OutputFile) && File.GetLastWriteTimeUtc(OutputFile) >= File.GetLastWriteTimeUtc(InputFile))
                return true;
            Directory.CreateDirectory(Path.GetDirectoryName(OutputFile)!);
            File.Copy(InputFile, OutputFile, true);
            string what = GlibcxxCompat.Patch(OutputFile);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "cnnexp: " + OutputFile + ": " + what);
            return true;
        }
        catch (Exception e)
        {
            Log.LogError("cnnexp: cannot patch " + InputFile + ": " + e.Message);
            return false;
        }
    }
}
#endif
