using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Training;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>`init:` (weights from a run or a file) and `freeze:` (issue 17, item 5).</summary>
public class InitTests
{
    const string Transfer = """
        name: transfer
        seeds: [0, 1]
        data: { dataset: synthetic, batch_size: 32, limit: 300 }
        train: { epochs: 2, optimizer: { type: adam, lr: 0.003 } }
        models:
          frozen:
            extends: source
            init: { model: source }
            freeze: [conv1]
          source:
            layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
        """;

    [Fact]
    public void A_model_starts_from_another_of_the_same_run_and_its_frozen_layer_never_changes()
    {
        var plan = TinyRun.Plan(Transfer);
        string dir = TinyRun.NewDir();
        ExperimentRunner.Run(plan, new RunOptions { OutDir = dir, Threads = 1, Cores = TestThreads.Cores });
        string log = File.ReadAllText(Path.Combine(dir, RunFiles.Log));
        var metrics = MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics));
        foreach (int seed in new[] { 0, 1 })
        {
            // "frozen" is listed first but trains after "source": its weights must exist first.
            Assert.True(log.IndexOf($"source seed {seed} epoch 2/2", StringComparison.Ordinal) < log.IndexOf($"frozen seed {seed}: starts from", StringComparison.Ordinal));
            // Before training, the copy evaluates exactly as the source's last epoch did.
            var last = metrics.Single(m => m.Model == "source" && m.Seed == seed && m.Epoch == 2);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture,
                $"frozen seed {seed}: starts from 4 tensors from source seed {seed} epoch 2; before training: test loss {last.TestLoss:F4}, test acc {last.TestAccuracy:P2}"), log);

            var source = Weights(plan.Model("source"), UnitPaths.For(dir, "source", seed).LastWeights);
            var frozen = Weights(plan.Model("frozen"), UnitPaths.For(dir, "frozen", seed).LastWeights);
            Assert.True(source["conv1.weight"].eq(frozen["conv1.weight"]).all().item<bool>(), "a frozen weight changed");   // bit for bit
            Assert.True(source["conv1.bias"].eq(frozen["conv1.bias"]).all().item<bool>(), "a frozen bias changed");
            Assert.False(source["linear1.weight"].eq(frozen["linear1.weight"]).all().item<bool>(), "the layers after it did not train");
        }
        Assert.Null(RunFiles.ReadJson<Manifest>(Path.Combine(dir, RunFiles.Manifest)).Init);   // no file from outside the run
    }

    [Fact]
    public void An_earlier_runs_unit_is_checked_before_training_and_recorded_with_its_hash()
    {
        string first = TinyRun.NewDir();
        TinyRun.Run(TinyRun.Plan(Transfer.Replace("seeds: [0, 1]", "seeds: [0]")), first);
        string Spec(string init, string layers = "conv2d: { out: 4, kernel: 3, padding: 1 }") => $$"""
            name: again
            seeds: [0]
            data: { dataset: synthetic, batch_size: 32, limit: 300 }
            train: { epochs: 1 }
            models:
              tuned:
                init: {{init}}
                layers: [{{layers}}, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
            """;

        var ok = TinyRun.Plan(Spec($"{{ run: {first}, model: source, epoch: best }}"));
        Assert.Empty(InitialWeights.Check(ok));
        string dir = TinyRun.NewDir();
        TinyRun.Run(ok, dir);
        var recorded = RunFiles.ReadJson<Manifest>(Path.Combine(dir, RunFiles.Manifest)).Init!["tuned"];
        Assert.Contains($"source seed 0 epoch ", recorded);
        Assert.Contains("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(UnitPaths.For(first, "source", 0).BestWeights))), recorded);

        var wide = InitialWeights.Check(TinyRun.Plan(Spec($"{{ run: {first}, model: source }}", "conv2d: { out: 6, kernel: 3, padding: 1 }")));
        Assert.Contains(wide, d => d.Message.Contains("`conv1.weight` is 6x3x3x3 in the model but 4x3x3x3 in the source", StringComparison.Ordinal));
        Assert.All(wide, d => Assert.Equal(7, d.Where!.Line));                           // the `init:` line
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(Spec($"{{ run: {first}, model: source, epoch: 7 }}"))),
            d => d.Message.Contains("kept the weights of its last epoch (2) and its best", StringComparison.Ordinal));
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(Spec($"{{ run: {first}, model: sorce }}"))),
            d => d.Message.Contains("has no model `sorce`", StringComparison.Ordinal) && d.Hint!.Contains("source", StringComparison.Ordinal));
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(Spec($"{{ run: {first}/nothing, model: source }}"))),
            d => d.Message.Contains("holds no run of cnnexp", StringComparison.Ordinal));
        Assert.Throws<SettingsException>(() => TinyRun.Run(TinyRun.Plan(Spec($"{{ run: {first}, model: source, seed: 3 }}")), TinyRun.NewDir()));
    }

    [Fact]
    public void A_state_dict_written_by_pytorch_for_the_notebooks_models_gives_pytorchs_logits()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string dir = TinyRun.NewDir();
        var python = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
            [ShippedExperimentTests.RepoPath("tests", "parity", "notebook_state_dict.py"), dir]) { RedirectStandardError = true })!;
        string stderr = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"Debian's python3-torch is needed (.ci/install-deps): {stderr}");
        using var scope = NewDisposeScope();
        var io = PyTorchUnpickler.UnpickleStateDict(Path.Combine(dir, "io.pt"));
        var x = (Tensor)io["x"]!;
        string yaml = File.ReadAllText(ShippedExperimentTests.RepoPath("experiments", "sumfirst.yaml"))
            .Replace("  sumfirst:\n    extends: standard\n", $"  sumfirst:\n    extends: standard\n    init: {{ file: {dir}/sumfirst.pt, map: {{ fc1: linear1, fc2: linear2 }} }}\n")
            .Replace("  standard:\n    layers:", $"  standard:\n    init: {{ file: {dir}/standard.pt, map: {{ \"0\": conv1, \"2\": conv2, \"6\": linear1, \"8\": linear2 }} }}\n    layers:");
        var plan = TinyRun.Plan(yaml);
        Assert.Empty(InitialWeights.Check(plan));
        foreach (var model in plan.Models)
        {
            using var module = ModelBuilder.Build(model);
            Assert.Equal($"8 tensors from {dir}/{model.Name}.pt", InitialWeights.Apply(plan, model, module, 0, dir));
            module.eval();
            var logits = module.forward(x);
            var expected = (Tensor)io[model.Name]!;
            Assert.True(expected.allclose(logits, rtol: 1e-5, atol: 1e-5), $"{model.Name}: logits differ from PyTorch's by {(expected - logits).abs().max().item<float>()}");
        }

        var unmapped = InitialWeights.Check(TinyRun.Plan(yaml.Replace(", map: { fc1: linear1, fc2: linear2 }", "")));
        Assert.Contains(unmapped, d => d.Message.Contains("`fc1.weight` (64x4096) of the source matches no tensor of the model", StringComparison.Ordinal));
        Assert.Contains(unmapped, d => d.Message.Contains("`linear1.weight` (64x4096) of the model is missing from the source", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_takes_some_layers_and_a_broken_file_is_a_located_error()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string dir = TinyRun.NewDir();
        string yaml(string init) => $"""
            name: only
            data: {"{"} dataset: synthetic, batch_size: 8 {"}"}
            models:
              m:
                init: {init}
                layers: [conv2d: {"{"} out: 4, kernel: 3, padding: 1 {"}"}, relu, flatten, linear: {"{"} out: 10 {"}"}]
            """;
        using (var m = ModelBuilder.Build(TinyRun.Plan(yaml("{ file: x.pt }").Replace("    init: { file: x.pt }\n", "")).Models[0]))
        {
            using (no_grad()) m.state_dict()["linear1.weight"].fill_(0.5);
            m.save_safetensors(Path.Combine(dir, "w.safetensors"));
        }
        var plan = TinyRun.Plan(yaml($"{{ file: {dir}/w.safetensors, only: [conv1] }}"));
        Assert.Empty(InitialWeights.Check(plan));
        using var fresh = ModelBuilder.Build(plan.Models[0]);
        Assert.Equal($"2 tensors from {dir}/w.safetensors", InitialWeights.Apply(plan, plan.Models[0], fresh, 0, dir));
        Assert.NotEqual(0.5f, fresh.state_dict()["linear1.weight"][0, 0].item<float>());      // not taken: keeps its fresh weights

        File.WriteAllBytes(Path.Combine(dir, "bad.pt"), [0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e, 0xff]);
        var broken = InitialWeights.Check(TinyRun.Plan(yaml($"{{ file: {dir}/bad.pt }}")));
        Assert.Contains(broken, d => d.Message.Contains("bad.pt cannot be read as a PyTorch state_dict", StringComparison.Ordinal) && d.Where!.Line == 5);
        File.WriteAllBytes(Path.Combine(dir, "random.safetensors"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(yaml($"{{ file: {dir}/random.safetensors }}"))),
            d => d.Message.Contains("random.safetensors is not a safetensors file (its header length is wrong)", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(dir, "garbled.safetensors"), [16, 0, 0, 0, 0, 0, 0, 0, .. "{\"a\": [1, 2, 3"u8.ToArray(), 0, 0, 0]);   // a header of the right length that is no JSON
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(yaml($"{{ file: {dir}/garbled.safetensors }}"))),
            d => d.Message.Contains("garbled.safetensors cannot be read as safetensors", StringComparison.Ordinal));
        Assert.Contains(InitialWeights.Check(TinyRun.Plan(yaml($"{{ file: {dir}/none.safetensors }}"))), d => d.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Freezing_inside_a_residual_stops_exactly_the_named_layers_parameters()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var plan = TinyRun.Plan("""
            name: res
            data: { dataset: synthetic, batch_size: 8 }
            models:
              m:
                freeze: [conv2, residual1_projection]
                layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, residual: [conv2d: { out: 8, kernel: 3, stride: 2, padding: 1 }, relu, conv2d: { out: 8, kernel: 3, padding: 1 }], flatten, linear: { out: 10 }]
            """);
        using var module = ModelBuilder.Build(plan.Models[0]);
        int count = InitialWeights.Freeze(plan.Models[0], module);
        var frozen = module.named_parameters().Where(p => !p.parameter.requires_grad).Select(p => p.name).Order().ToList();
        Assert.Equal(["residual1.body.conv2.bias", "residual1.body.conv2.weight", "residual1.projection.weight"], frozen);   // the projection has no bias
        Assert.Equal(frozen.Count, count);
    }

    static Dictionary<string, Tensor> Weights(ModelPlan model, string file)
    {
        var module = ModelBuilder.Build(model, new BuildOptions { ChannelsLast = false });
        module.load(file);
        return module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }
}
