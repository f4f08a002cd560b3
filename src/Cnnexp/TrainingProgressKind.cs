namespace Cnnexp;

/// <summary>What a <see cref="TrainingProgress"/> report is about.</summary>
public enum TrainingProgressKind
{
    /// <summary>A training batch finished.</summary>
    Batch,
    /// <summary>An epoch finished and was saved; <see cref="TrainingProgress.Metrics"/> holds its row.</summary>
    Epoch,
    /// <summary>A line of the run log (unit started, skipped, failed, hook messages); see <see cref="TrainingProgress.Message"/>.</summary>
    Message,
}
