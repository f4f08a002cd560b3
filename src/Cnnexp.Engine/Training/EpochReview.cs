using Cnnexp.Results;
using TorchSharp.Modules;

namespace Cnnexp.Engine.Training;

/// <summary>An epoch evaluated but not yet saved: its metrics (custom ones included) and the model.</summary>
public sealed record EpochReview(EpochMetrics Metrics, int Epochs, Sequential Network);
