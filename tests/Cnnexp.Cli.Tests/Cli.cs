using System.Text;
using Cnnexp.Cli.Output;

namespace Cnnexp.Cli.Tests;

/// <summary>Runs the cnnexp command line in-process and captures what it prints, stream by stream.</summary>
static class Cli
{
    /// <param name="Output">Both streams as they interleaved, as a terminal shows them.</param>
    /// <param name="Stdout">Standard output only: what `cnnexp ... > file` keeps.</param>
    /// <param name="Stderr">Standard error only: errors, warnings and usage.</param>
    public sealed record Result(int ExitCode, string Output, string Stdout, string Stderr);

    public static Task<Result> Run(params string[] args) => RunWidth(null, args);

    /// <summary>As with COLUMNS=<paramref name="width"/> (null: the default width).</summary>
    public static async Task<Result> RunWidth(int? width, params string[] args)
    {
        var both = new StringWriter();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, Terminal.Create(new Tee(stdout, both), width), Terminal.Create(new Tee(stderr, both), width));
        return new Result(code, both.ToString(), stdout.ToString(), stderr.ToString());
    }

    public static string TempDir()
    {
        return Scratch.NewDir();
    }

    sealed class Tee(TextWriter one, TextWriter all) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { one.Write(value); all.Write(value); }
        public override void Write(string? value) { one.Write(value); all.Write(value); }
    }
}
