namespace Cnnexp.Results;

/// <summary>One line of the ledger: a unit and how far it got.</summary>
public sealed record LedgerEntry(string Id, string Model, int Seed, UnitStatus Status, int EpochsDone, string? Message);

/// <summary>
/// units.json lists every unit of a run (written once, when the directory is created); each
/// unit's state.json says how far it got. Together they are the ledger: done, failed with the
/// error, pending. Every writer owns one unit folder, so many processes can share a directory.
/// </summary>
public static class Ledger
{
    public const string UnitsFile = "units.json";

    public sealed record Unit(string Id, string Model, int Seed);

    public static void WriteUnits(string runDir, IReadOnlyList<Unit> units) => RunFiles.WriteJson(Path.Combine(runDir, UnitsFile), units);

    public static IReadOnlyList<Unit> ReadUnits(string runDir) =>
        File.Exists(Path.Combine(runDir, UnitsFile)) ? RunFiles.ReadJson<List<Unit>>(Path.Combine(runDir, UnitsFile)) : [];

    public static IReadOnlyList<LedgerEntry> Read(string runDir) => ReadUnits(runDir).Select(u =>
    {
        var state = UnitPaths.For(runDir, u.Model, u.Seed).ReadState();
        return new LedgerEntry(u.Id, u.Model, u.Seed, state?.Status ?? UnitStatus.Pending, state?.EpochsDone ?? 0, state?.Message);
    }).ToList();
}
