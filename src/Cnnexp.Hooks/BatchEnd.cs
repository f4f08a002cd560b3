using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>
/// One training step is done: loss computed, gradients back-propagated (and clipped), optimiser
/// stepped. The tensors are valid during the call only: they are freed with the batch.
/// </summary>
public sealed class BatchEnd
{
    readonly Action<string, double> record;
    readonly Action<string> stop, log;

    internal BatchEnd(string model, int seed, int epoch, int epochs, int batch, int batches, double loss,
        nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels, Tensor logits,
        Action<string, double> record, Action<string> stop, Action<string> log)
    {
        (Model, Seed, Epoch, Epochs, Batch, Batches, Loss) = (model, seed, epoch, epochs, batch, batches, loss);
        (Network, Images, Labels, Logits) = (network, images, labels, logits);
        (this.record, this.stop, this.log) = (record, stop, log);
    }

    public string Model { get; }
    public int Seed { get; }
    public int Epoch { get; }
    public int Epochs { get; }

    /// <summary>1-based index of this batch in the epoch.</summary>
    public int Batch { get; }
    public int Batches { get; }

    /// <summary>This batch's training loss.</summary>
    public double Loss { get; }

    /// <summary>The model being trained; its parameters' <c>grad</c> hold this step's gradients.</summary>
    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>The batch as the model saw it, before input transforms: (N, C, H, W) floats.</summary>
    public Tensor Images { get; }

    /// <summary>(N) class indices.</summary>
    public Tensor Labels { get; }

    /// <summary>(N, classes) model outputs.</summary>
    public Tensor Logits { get; }

    /// <summary>Adds <paramref name="value"/> to column <paramref name="name"/> of this epoch's row, which holds the mean over the epoch's batches.</summary>
    public void Record(string name, double value) => record(name, value);

    /// <summary>Stops this model/seed once the current epoch is finished and saved.</summary>
    public void Stop(string reason) => stop(reason);

    /// <summary>Writes a line to run.log and the console, prefixed with the hook's name.</summary>
    public void Log(string message) => log(message);
}
