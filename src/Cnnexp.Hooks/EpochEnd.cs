using Cnnexp.Results;
using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>
/// One epoch of one model and seed is trained and evaluated and about to be saved. A hook sees its
/// metrics (custom metrics included), may add values to its metrics.csv row and may stop this
/// model/seed after it.
/// </summary>
public sealed class EpochEnd
{
    readonly Action<string, double> record;
    readonly Action<string> stop, log;

    internal EpochEnd(EpochMetrics metrics, int epochs, nn.Module<Tensor, Tensor> network,
        Action<string, double> record, Action<string> stop, Action<string> log)
    {
        (Metrics, Epochs, Network, this.record, this.stop, this.log) = (metrics, epochs, network, record, stop, log);
    }

    public string Model => Metrics.Model;
    public int Seed => Metrics.Seed;
    public int Epoch => Metrics.Epoch;

    /// <summary>Epochs this model trains for.</summary>
    public int Epochs { get; }

    /// <summary>This epoch's row: losses, accuracies, learning rate, and <see cref="EpochMetrics.Extra"/> (test_NAME for custom metrics).</summary>
    public EpochMetrics Metrics { get; }

    /// <summary>The model being trained (input transforms and layers, named as in the YAML). Read it; do not train it.</summary>
    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>Adds a column <paramref name="name"/> to this epoch's row of metrics.csv.</summary>
    public void Record(string name, double value) => record(name, value);

    /// <summary>Stops this model/seed after this epoch (status `stopped`, with the reason); other models and seeds go on.</summary>
    public void Stop(string reason) => stop(reason);

    /// <summary>Writes a line to run.log and the console, prefixed with the hook's name.</summary>
    public void Log(string message) => log(message);
}
