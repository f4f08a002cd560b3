namespace Cnnexp.Spec.Model;

/// <summary>
/// What convolutions and linear layers compute in. Weights, optimiser state, the loss and every
/// metric stay fp32 whatever is chosen (mixed precision); <c>fp16</c> exists only on CUDA.
/// </summary>
public enum Precision { Fp32, Bf16, Fp16 }
