using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Training;
using Cnnexp.Spec.Planning;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests.Onnx;

/// <summary>
/// One model through both runtimes: a short training (a few optimiser steps, so batch norm's running
/// statistics and every weight move away from their initial values), the ONNX export, and the logits
/// of TorchSharp (eval mode) and of ONNX Runtime on the same images.
/// </summary>
static class OnnxCase
{
    public const int Images = 100;
    const int Steps = 3, Batch = 16;

    public sealed record Outcome(string File, double MaxAbsDiff, double MaxAbsLogit);

    public static Outcome Run(ExperimentPlan plan, ModelPlan model, string dir)
    {
        using var scope = NewDisposeScope();
        using var module = UnitRandom.Initialise(0, () => ModelBuilder.Build(model));
        Train(plan, model, module);
        string file = OnnxExporter.Write(module, model, plan, Path.Combine(dir, WeightsExporter.Stem(model.Name, 0, best: false) + ".onnx"));

        using var g = new Generator(7);
        var x = rand(model.Input.WithBatch(Images), generator: g);        // (100, C, H, W) in [0, 1], raw as a decoder gives them
        module.eval();
        float[] expected;
        using (no_grad()) expected = module.forward(x).contiguous().data<float>().ToArray();   // (100, classes)
        float[] actual = RunOnnx(file, x.contiguous().data<float>().ToArray(), model.Input.WithBatch(Images));
        Assert.Equal(expected.Length, actual.Length);
        return new Outcome(file, expected.Zip(actual).Max(p => Math.Abs((double)p.First - p.Second)), expected.Max(v => Math.Abs((double)v)));
    }

    public static void Train(ExperimentPlan plan, ModelPlan model, TorchSharp.Modules.Sequential module)
    {
        var train = model.TrainFor(plan.Spec);
        using var optimizer = OptimizerFactory.Create(train.Optimizer, module.parameters());
        foreach (var group in optimizer.ParamGroups) group.LearningRate = 0.01;   // large enough to move every weight in three steps
        using var g = new Generator(20261206);
        module.train();
        for (int i = 0; i < Steps; i++)
        {
            using var step = NewDisposeScope();
            var x = rand(model.Input.WithBatch(Batch), generator: g);                  // (16, C, H, W)
            var y = randint(0, plan.Dataset.ClassCount, [Batch], generator: g);        // (16)
            GradientStep.Take(module, optimizer, x, y, train);
        }
    }

    /// <summary>The file's <c>logits</c> for <paramref name="images"/> (N, C, H, W), in ONNX Runtime on one thread.</summary>
    public static float[] RunOnnx(string file, float[] images, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(file, options);
        using var input = OrtValue.CreateTensorValueFromMemory(images, shape);
        using var run = new Microsoft.ML.OnnxRuntime.RunOptions();
        using var outputs = session.Run(run, [OnnxExporter.InputName], [input], [OnnxExporter.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
