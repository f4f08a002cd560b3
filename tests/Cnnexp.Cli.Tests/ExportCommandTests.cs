namespace Cnnexp.Cli.Tests;

/// <summary>`cnnexp export` goes through Experiment.Export: PyTorch code from a spec, errors as one line and exit 2.</summary>
public class ExportCommandTests
{
    [Fact]
    public async Task Export_of_a_spec_as_pytorch_writes_each_model_as_code_and_its_initial_weights()
    {
        string dir = Cli.TempDir();
        try
        {
            var result = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--seed", "1", "--format", "pytorch", "-o", dir);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(["standard-seed1.pt", "standard.py", "sumfirst-seed1.pt", "sumfirst.py"],
                Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order().ToArray());
            string code = File.ReadAllText(Path.Combine(dir, "sumfirst.py"));
            Assert.Contains("x = x.sum(dim=1, keepdim=True)", code);
            Assert.Contains("self.conv1 = nn.Conv2d(1, 8, kernel_size=(3, 3)", code);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Export_of_an_unknown_model_or_format_is_one_error_line_and_exit_2()
    {
        var model = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--model", "nope", "--format", "pytorch");
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("error: no model `nope`", model.Output);
        Assert.Contains("models: standard, sumfirst", model.Output);
        var format = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--format", "tflite");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("--format must be pt, safetensors, both, pytorch or onnx", format.Output);
    }

    [Fact]
    public async Task Export_with_onnx_writes_one_onnx_file_per_model_and_seed_beside_the_weights()
    {
        string dir = Cli.TempDir();
        try
        {
            var result = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--seed", "0", "--onnx", "-o", dir);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(["standard-seed0.onnx", "standard-seed0.pt", "standard-seed0.safetensors", "sumfirst-seed0.onnx", "sumfirst-seed0.pt", "sumfirst-seed0.safetensors"],
                Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order().ToArray());
            var onnx = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--seed", "0", "--model", "sumfirst", "--format", "onnx", "-o", dir + "/only");
            Assert.True(onnx.ExitCode == 0, onnx.Output);
            Assert.Equal(["sumfirst-seed0.onnx"], Directory.GetFiles(dir + "/only").Select(f => Path.GetFileName(f)).ToArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Onnx_export_of_a_script_transform_names_it_and_its_line_exits_2_and_writes_nothing()
    {
        string dir = Cli.TempDir();
        try
        {
            var result = await Cli.Run("export", Repo.Path("experiments", "opponent.yaml"), "--format", "onnx", "-o", dir);
            Assert.Equal(2, result.ExitCode);
            Assert.Matches(@"opponent\.yaml:21:\d+: input transform `script` cannot be written as ONNX: it is a C# script input transform", result.Output);
            Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Onnx_export_of_a_script_layer_that_writes_its_nodes_succeeds()
    {
        string dir = Cli.TempDir();
        try
        {
            var result = await Cli.Run("export", Repo.Path("experiments", "gradnorm.yaml"), "--seed", "0", "--format", "onnx", "-o", dir);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(["opponent_layer-seed0.onnx", "rgb-seed0.onnx"], Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order().ToArray());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }
}
