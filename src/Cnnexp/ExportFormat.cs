namespace Cnnexp;

/// <summary>What <see cref="Experiment.Export"/> writes; combine with <c>|</c>.</summary>
[Flags]
public enum ExportFormat
{
    /// <summary>A PyTorch state_dict, <c>MODEL-seedS.pt</c>, for <c>torch.load</c>.</summary>
    StateDict = 1,
    /// <summary>The same tensors as <c>MODEL-seedS.safetensors</c>.</summary>
    Safetensors = 2,
    /// <summary><c>MODEL.py</c>: the model as a plain <c>torch.nn.Module</c>, input transforms included, plus the state_dict it loads.</summary>
    PyTorch = 4,
    /// <summary><c>MODEL-seedS.onnx</c>: opset 17, raw (N, C, H, W) images in [0, 1] -> logits, input transforms included (docs/onnx.md).</summary>
    Onnx = 8,
}
