using System.Diagnostics;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Spec.Planning;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>Estimates a model's seconds per epoch from a few timed training steps on random data.</summary>
public static class CostProbe
{
    public static double SecondsPerEpoch(ExperimentPlan plan, ModelPlan model, int threads, int steps = 8)
    {
        NativeRuntime.EnsureLoaded(threads);
        int? images = plan.Spec.Data.Limit is int l ? Math.Min(l, plan.Dataset.TrainCount ?? l) : plan.Dataset.TrainCount;
        if (images is null) return double.NaN;
        int batch = plan.Spec.Data.BatchSize;
        manual_seed(0);
        using var net = ModelBuilder.Build(model);
        using var optimizer = OptimizerFactory.Create(model.TrainFor(plan.Spec).Optimizer, net.parameters());
        using var scope = NewDisposeScope();
        var x = rand(model.Input.WithBatch(batch));                              // (N, C, H, W)
        var y = randint(0, plan.Dataset.ClassCount, [batch], dtype: ScalarType.Int64);
        void Step()
        {
            using var s = NewDisposeScope();
            var loss = nn.functional.cross_entropy(net.forward(x), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        Step();                                                                    // warm-up
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step();
        return clock.Elapsed.TotalSeconds / steps * Math.Ceiling(images.Value / (double)batch);
    }
}
