using Cnnexp.Cli.Output;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// The live display on a terminal: the bars replace the plain log, so the log's lines (the bf16 note,
/// a unit's failure, the adaptive decisions) must still be printed, above the bars, exactly once.
/// </summary>
public class RunProgressTests
{
    static readonly string[] Lines =
    [
        "bf16 is emulated on this CPU (no avx512_bf16 or amx_bf16): layers compute in fp32 on bf16-rounded values",
        "sumfirst seed 1: failed: the loss is NaN; other models and seeds go on",
    ];

    /// <param name="ansi">A console that really redraws (ANSI, interactive): Spectre's live renderer, not its plain fallback.</param>
    static string Drive(bool terminal, bool quiet = false, bool ansi = false)
    {
        var output = new StringWriter();
        var console = ansi
            ? Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
              {
                  Ansi = Spectre.Console.AnsiSupport.Yes, Interactive = Spectre.Console.InteractionSupport.Yes,
                  Out = new Spectre.Console.AnsiConsoleOutput(output),
              })
            : Terminal.Create(output, 120);
        if (ansi) console.Profile.Width = 160;
        var progress = new RunProgress(console, quiet, terminal);
        var log = progress.Log;
        progress.Run(reports =>
        {
            foreach (var (model, seed) in new[] { ("standard", 0), ("sumfirst", 1) })     // two units side by side
                reports?.Report(new TrainingProgress { Kind = TrainingProgressKind.Batch, Model = model, Seed = seed, Epoch = 1, Epochs = 2, Batch = 3, Batches = 10, Loss = 2.1 });
            foreach (var line in Lines)
            {
                log?.Invoke(line);                                  // as the engine hands lines to both sinks
                reports?.Report(new TrainingProgress { Kind = TrainingProgressKind.Message, Message = line });
            }
            return 0;
        });
        return output.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_live_display_prints_the_log_lines_once(bool ansi)
    {
        string shown = Drive(terminal: true, ansi: ansi);
        foreach (var line in Lines)
            Assert.Equal(1, Occurrences(shown, line));
        Assert.Contains("sumfirst seed 1", shown);                      // a bar per running unit
        Assert.Contains("standard seed 0", shown);
    }

    [Fact]
    public void Redirected_output_gets_the_plain_log_and_quiet_gets_nothing()
    {
        string plain = Drive(terminal: false);
        foreach (var line in Lines)
            Assert.Equal(1, Occurrences(plain, line));
        Assert.Equal("", Drive(terminal: true, quiet: true));
    }

    static int Occurrences(string text, string line) => text.Split(line).Length - 1;
}
