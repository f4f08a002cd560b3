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
        var format = await Cli.Run("export", Repo.Path("experiments", "sumfirst.yaml"), "--format", "onnx");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("--format must be pt, safetensors, both or pytorch", format.Output);
    }
}
