using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cnnexp.Scripting.Compilation;

namespace Cnnexp.Scripting.Loading;

/// <summary>
/// Compiled hooks on disk, one folder per key: hook.dll, hook.pdb and hook.json. The key hashes the
/// script's path and content with the host's fingerprint; hook.json lists every other file the
/// compilation read (<c>#load</c>, <c>#r</c>) with its hash, so editing any of them recompiles.
/// Entries are written to a temporary folder and renamed into place: concurrent runs never see half.
/// </summary>
sealed class HookCache(string root)
{
    const string Version = "cnnexp-hooks/1";
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Root { get; } = root;

    public static string KeyFor(string fullPath, string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{Version}\n{HostAssemblies.Fingerprint}\n{fullPath}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)))}")))[..32];

    /// <summary>The entry for <paramref name="key"/> when every file it was compiled from is unchanged.</summary>
    public CompiledScript? Find(string key)
    {
        string dir = Path.Combine(Root, key), manifest = Path.Combine(dir, "hook.json");
        try
        {
            if (!File.Exists(manifest)) return null;
            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(manifest), Json);
            if (entry is null || !entry.Sources.Concat(entry.References).All(f => f.Unchanged())) return null;
            return new CompiledScript(File.ReadAllBytes(Path.Combine(dir, "hook.dll")), File.ReadAllBytes(Path.Combine(dir, "hook.pdb")),
                entry.EntryType, entry.Sources.Select(f => f.Path).ToList(), entry.References.Select(f => f.Path).ToList());
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;   // a damaged or vanishing entry is a miss, never an error
        }
    }

    /// <summary>Stores a compilation; failing to write (read-only disk, full disk) only costs the next run a compile.</summary>
    public void Store(string key, CompiledScript compiled)
    {
        string dir = Path.Combine(Root, key), tmp = dir + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():n}";
        try
        {
            Directory.CreateDirectory(tmp);
            File.WriteAllBytes(Path.Combine(tmp, "hook.dll"), compiled.Pe);
            File.WriteAllBytes(Path.Combine(tmp, "hook.pdb"), compiled.Pdb);
            var entry = new CacheEntry
            {
                EntryType = compiled.EntryType, Created = DateTimeOffset.UtcNow.ToString("O"),
                Sources = compiled.Sources.Select(FileHash.Of).ToList(), References = compiled.References.Select(FileHash.Of).ToList(),
            };
            File.WriteAllText(Path.Combine(tmp, "hook.json"), JsonSerializer.Serialize(entry, Json));
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);   // stale: a dependency changed
            Directory.Move(tmp, dir);
        }
        catch (IOException) { TryDelete(tmp); }
        catch (UnauthorizedAccessException) { TryDelete(tmp); }
    }

    static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
    }
}
