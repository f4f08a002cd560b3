using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnnexp.Results;

/// <summary>
/// Where one unit (a model trained with one seed) stands: one vocabulary for state.json,
/// units.json's ledger, summary.json's seeds, `cnnexp status` and the API. Written as the lower-case
/// token (<c>"done"</c>).
/// </summary>
public enum UnitStatus
{
    /// <summary>Not started.</summary>
    Pending,
    /// <summary>Started; epochs done so far are kept.</summary>
    Running,
    /// <summary>Trained for every epoch it was given.</summary>
    Done,
    /// <summary>Ended early on purpose: early stopping, a loss that became NaN, a hook's request. Has a result.</summary>
    Stopped,
    /// <summary>Ended by an error; has no result (the reason is in the unit's message and run.log).</summary>
    Failed,
}

public static class UnitStatusExtensions
{
    /// <summary>Done or stopped: the unit has a result and is not trained again.</summary>
    public static bool IsFinished(this UnitStatus status) => status is UnitStatus.Done or UnitStatus.Stopped;

    /// <summary>The token written to files and printed: <c>done</c>.</summary>
    public static string Token(this UnitStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// Reads a status token; also the words runs before cnnexp 0.4 wrote in summary.json's seeds
/// (<c>"completed"</c>, or <c>"stopped: why"</c>), so older run directories still report.
/// </summary>
public sealed class UnitStatusConverter : JsonConverter<UnitStatus>
{
    public override UnitStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? "";
        if (text == "completed") return UnitStatus.Done;
        if (Enum.TryParse(text, ignoreCase: true, out UnitStatus status) && !int.TryParse(text, out _)) return status;
        return UnitStatus.Stopped;          // 0.3 wrote why training stopped here ("training loss became NaN at epoch 3")
    }

    public override void Write(Utf8JsonWriter writer, UnitStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.Token());
}
