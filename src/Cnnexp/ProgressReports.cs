using Cnnexp.Engine.Training;

namespace Cnnexp;

/// <summary>Reports the engine's batch and epoch callbacks and log lines to an <see cref="IProgress{T}"/>.</summary>
static class ProgressReports
{
    public static TrainingCallbacks Wrap(TrainingCallbacks inner, IProgress<TrainingProgress>? progress) => progress is null ? inner : inner with
    {
        Batch = b =>
        {
            inner.Batch?.Invoke(b);
            progress.Report(new TrainingProgress
            {
                Kind = TrainingProgressKind.Batch, Model = b.Model, Seed = b.Seed, Epoch = b.Epoch, Epochs = b.Epochs,
                Batch = b.Batch, Batches = b.Batches, Loss = b.RunningLoss, ImagesPerSecond = b.ImagesPerSecond,
            });
        },
        Epoch = m =>
        {
            inner.Epoch?.Invoke(m);
            progress.Report(new TrainingProgress
            {
                Kind = TrainingProgressKind.Epoch, Model = m.Model, Seed = m.Seed, Epoch = m.Epoch, Loss = m.TrainLoss,
                ImagesPerSecond = m.ImagesPerSecond, Metrics = m,
            });
        },
    };

    public static Action<string>? Log(Action<string>? inner, IProgress<TrainingProgress>? progress) => progress is null ? inner : line =>
    {
        inner?.Invoke(line);
        progress.Report(new TrainingProgress { Kind = TrainingProgressKind.Message, Message = line });
    };
}
