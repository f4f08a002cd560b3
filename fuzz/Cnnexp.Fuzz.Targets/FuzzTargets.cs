namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// The fuzz targets by name. Each takes the fuzzer's bytes and returns normally when the tool
/// accepted the input or refused it the way it refuses bad input (diagnostics, or a
/// <see cref="Cnnexp.Engine.Data.DataException"/>: exit 2 with a located message). Any exception
/// that escapes is a finding; so are a hang and a crash of the process.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>
    {
        ["yaml"] = YamlTarget.Run,
        ["spec"] = SpecTarget.Run,
        ["data"] = DataTarget.Run,
        ["tar"] = TarTarget.Run,
    };

    public static Action<byte[]> Get(string name) => All.TryGetValue(name, out var run) ? run
        : throw new ArgumentException($"unknown fuzz target `{name}`; one of: {string.Join(", ", All.Keys)}");
}
