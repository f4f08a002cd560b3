using System.Diagnostics;

namespace Cnnexp.Bench.Data;

/// <summary>
/// One timed step: the median of several runs, as wall-clock seconds and as CPU seconds of this
/// process. On a shared machine the wall clock includes time other processes held the cores; the
/// CPU time does not, and with one libtorch thread it is what the step costs.
/// </summary>
sealed record Measure(string Step, double Seconds, double CpuSeconds, long Images)
{
    public static Measure Median(string step, int runs, long images, Action run)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            wall.Add(clock.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
        }
        return new Measure(step, Middle(wall), Middle(cpu), images);
    }

    static double Middle(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public string Row() => $"| {Step} | {Seconds:F3} | {Images / Seconds:N0} | {CpuSeconds:F3} | {Images / CpuSeconds:N0} |";

    public const string Header = "| step | wall s | images/s (wall) | CPU s | images/s (CPU) |\n|---|---:|---:|---:|---:|";
}
