using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Tests.Training;
using Cnnexp.Results;
using Cnnexp.Spec.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// `train.precision: bf16` is cnnexp's own autocast: convolutions and linear layers compute in bf16
/// from fp32 parameters; the parameters, their gradients, the optimiser, the loss and the metrics stay
/// fp32, and checkpoints read exactly like an fp32 model's.
/// </summary>
[Collection("training")]
public class PrecisionTests
{
    const string Stack = """
        name: precision
        data: { dataset: synthetic, batch_size: 16 }
        models:
          net:
            layers:
              - conv2d: { out: 8, kernel: 3, padding: 1 }
              - batchnorm2d
              - relu
              - conv2d: { out: 16, kernel: 3, padding: 1 }
              - relu
              - maxpool2d: 2
              - dropout: 0.0
              - flatten
              - linear: { out: 32 }
              - relu
              - linear: { out: 10 }
        """;

    static Sequential Build(Precision precision, bool channelsLast, int seed = 3)
    {
        var plan = TinyRun.Plan(Stack).Models[0];
        return Cnnexp.Engine.Training.UnitRandom.Initialise(seed, () => ModelBuilder.Build(plan, new BuildOptions { Precision = precision, ChannelsLast = channelsLast }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bf16_model_has_the_fp32_models_parameters_and_computes_close_to_it(bool channelsLast)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        using var fp32 = Build(Precision.Fp32, channelsLast);
        using var bf16 = Build(Precision.Bf16, channelsLast);
        var a = fp32.state_dict();
        var b = bf16.state_dict();
        Assert.Equal(a.Keys, b.Keys);                                         // same names: checkpoints and exports unchanged
        foreach (var (name, t) in b)
        {
            if (t.is_floating_point()) Assert.Equal(ScalarType.Float32, t.dtype);   // master weights and statistics stay fp32
            Assert.True(t.eq(a[name]).all().item<bool>(), name);                            // same initialisation for the same seed
        }

        TestRandom.Seed(4);
        var x = rand(8, 3, 32, 32, generator: TestRandom.Generator);                                           // (N, C, H, W) in [0, 1]
        var y = randint(0, 10, [8], generator: TestRandom.Generator);
        var (lossA, gradsA) = Step(fp32, x, y);
        var (lossB, gradsB) = Step(bf16, x, y);
        Assert.InRange(Math.Abs(lossA - lossB), 0, 0.02 * Math.Abs(lossA));   // bf16 keeps ~3 significant digits
        // A bias before batch norm has a gradient of ~0 (the norm removes the mean), so errors are measured
        // against the largest gradient as well as the parameter's own.
        double largest = gradsA.Values.Max(g => g.norm().item<float>());
        foreach (var (name, g) in gradsB)
        {
            Assert.Equal(ScalarType.Float32, g.dtype);
            double error = (g - gradsA[name]).norm().item<float>(), own = gradsA[name].norm().item<float>();
            Assert.True(error <= 0.05 * own + 0.01 * largest, $"{name}: |bf16 - fp32| = {error:G3} against |fp32| = {own:G3}");
        }
    }

    /// <summary>One training step's loss and every parameter's gradient (Bf16EmulationTests uses it too).</summary>
    internal static (double Loss, Dictionary<string, Tensor> Grads) Step(Sequential model, Tensor x, Tensor y)
    {
        model.train();
        model.zero_grad();
        var logits = Autocast.ToFloat(model.forward(x));                     // (N, classes)
        Assert.Equal(ScalarType.Float32, logits.dtype);
        var loss = nn.functional.cross_entropy(logits, y);
        loss.backward();
        return (loss.item<float>(), model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone()));
    }

    [Fact]
    public void Bf16_really_computes_in_bf16()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        using var bf16 = Build(Precision.Bf16, channelsLast: true);
        bf16.eval();
        var first = bf16.children().First();
        Assert.IsType<AutocastConv2d>(first);
        Assert.Equal(ScalarType.BFloat16, ((nn.Module<Tensor, Tensor>)first).call(rand(2, 3, 32, 32, generator: TestRandom.Generator)).dtype);
        Assert.Equal(ScalarType.BFloat16, bf16.forward(rand(2, 3, 32, 32, generator: TestRandom.Generator)).dtype);   // logits leave the model in bf16; the trainer casts
    }

    [Fact]
    public void A_bf16_run_trains_records_its_precision_and_checkpoints_fp32_weights()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string dir = TinyRun.NewDir();
        try
        {
            var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("train: { epochs: 3,", "train: { epochs: 3, precision: bf16,"));
            var summary = TinyRun.Run(plan, dir);
            var rows = MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics)).Where(m => m.Model == "rgb" && m.Seed == 0).ToList();
            Assert.True(rows[^1].TrainLoss < rows[0].TrainLoss, "training loss falls in bf16");
            Assert.All(summary.Models, m => Assert.True(m.MeanTestAccuracy > 0.2, $"{m.Name}: {m.MeanTestAccuracy:P1}"));
            var manifest = RunFiles.ReadJson<Manifest>(Path.Combine(dir, RunFiles.Manifest));
            Assert.Equal("bf16", manifest.Precision!["rgb"]);
            Assert.Equal(Native.CpuFeatures.Present, manifest.CpuFeatures);     // the flags bf16's speed depends on, as /proc/cpuinfo lists them
            if (File.Exists("/proc/cpuinfo") && File.ReadAllText("/proc/cpuinfo").Contains(" avx2", StringComparison.Ordinal))
                Assert.Contains("avx2", manifest.CpuFeatures!);
            using var scope = NewDisposeScope();
            using var fp32 = ModelBuilder.Build(plan.Models[0], new BuildOptions());
            string weights = UnitPaths.For(dir, "rgb", 0).LastWeights;
            long floats = fp32.parameters().Sum(p => p.numel());
            Assert.True(new FileInfo(weights).Length >= 4 * floats, "the checkpoint holds 4 bytes per parameter (fp32)");
            fp32.load(weights);                                               // and an fp32 model reads it
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }
}
