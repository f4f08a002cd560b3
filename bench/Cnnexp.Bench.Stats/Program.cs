// The simulations behind docs/statistics.md: the adaptive rule (cnnexp's own code, AdaptiveStudy.Decide)
// on simulated per-seed differences, no training. Prints Markdown tables.
// Usage: dotnet run -c Release --project bench/Cnnexp.Bench.Stats -- [--studies 10000]
using System.Globalization;
using Cnnexp.Results.Statistics;

int studies = args.SkipWhile(a => a != "--studies").Skip(1).Select(int.Parse).DefaultIfEmpty(10_000).First();
const double Alpha = 0.05;
var rng = new Random(20261206);

double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
double T3() => Normal() / Math.Sqrt(Enumerable.Range(0, 3).Sum(_ => Math.Pow(Normal(), 2)) / 3) / Math.Sqrt(3);
double Skewed() { double z = Normal(); return (Math.Exp(0.5 * z) - Math.Exp(0.125)) / Math.Sqrt((Math.Exp(0.25) - 1) * Math.Exp(0.25)); }   // lognormal(0, 0.5), centred, SD 1
double Exponential() => -Math.Log(1 - rng.NextDouble()) - 1;                                   // strongly skewed, SD 1
double Contaminated() => rng.NextDouble() < 0.9 ? Normal() / Math.Sqrt(1.8) : 3 * Normal() / Math.Sqrt(1.8);   // 10% of seeds 3x as noisy

AdaptiveDecision Decide(double[] d, int min, int max) => AdaptiveStudy.Decide(new AdaptivePolicy { Min = min, Max = max, Alpha = Alpha },
    ["a", "b"], (m, s) => s < d.Length ? (m == "a" ? d[s] : 0) : null, (_, _) => false);

double[] critical = Enumerable.Range(0, 101).Select(n => n < 2 ? double.NaN : StudentT.Quantile(1 - Alpha / 2, n - 1)).ToArray();
bool PeekRejects(double[] d, int min)
{
    for (int n = Math.Max(2, min); n <= d.Length; n++)
    {
        double mean = d[..n].Average(), sd = Math.Sqrt(d[..n].Sum(x => (x - mean) * (x - mean)) / (n - 1));
        if (Math.Abs(mean) / (sd / Math.Sqrt(n)) > critical[n]) return true;
    }
    return false;
}

string P(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%";
Console.WriteLine($"## False-positive rate with no true difference ({studies:N0} simulated studies each, min 3, alpha 5%)\n");
Console.WriteLine("| per-seed differences | max seeds | adaptive rule | ± 1.96 SE | peek at the t-test after every seed |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, draw) in new (string, Func<double>)[] { ("normal", Normal), ("Student t, 3 df (heavy tails)", T3), ("lognormal (skewed)", Skewed),
             ("exponential (strongly skewed)", Exponential), ("contaminated normal (10% of seeds 3x noisier)", Contaminated) })
    foreach (int max in new[] { 20, 50 })
    {
        var data = Enumerable.Range(0, studies).Select(_ => Enumerable.Range(0, max).Select(_ => draw()).ToArray()).ToList();
        double adaptive = data.Count(d => Decide(d, 3, max).Comparisons[0].Outcome == Outcome.Real) / (double)studies;
        double peek = data.Count(d => PeekRejects(d, 3)) / (double)studies;
        Console.WriteLine($"| {name} | {max} | {P(adaptive)} | {P(1.96 * Math.Sqrt(adaptive * (1 - adaptive) / studies))} | {P(peek)} |");
    }

int costStudies = Math.Max(1000, studies / 5);
Console.WriteLine($"\n## Seeds used when the difference is real (normal differences, {costStudies:N0} studies each, min 3)\n");
Console.WriteLine("| true difference | paired SD | max seeds | resolved as real | mean seeds | 90th percentile | fixed-n t-test seeds for 80% power |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (effect, sd) in new[] { (0.5, 1.0), (1.0, 1.0), (2.0, 1.0), (4.0, 1.0), (3.47, 1.3) })
    foreach (int max in new[] { 20, 50 })
    {
        var runs = Enumerable.Range(0, costStudies).Select(_ => Decide(Enumerable.Range(0, max).Select(_ => effect + sd * Normal()).ToArray(), 3, max)).ToList();
        var seeds = runs.Select(r => r.Seeds).Order().ToList();
        double real = runs.Count(r => r.Comparisons[0].Outcome == Outcome.Real) / (double)costStudies;
        var fixedN = Power.Needed(effect, sd).Fixed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {effect:0.##} | {sd:0.##} | {max} | {P(real)} | {seeds.Average():0.0} | {seeds[(int)(0.9 * (seeds.Count - 1))]} | {fixedN} |"));
    }

Console.WriteLine($"\n## Racing with no true differences (4 models, normal, {costStudies:N0} studies, min 3, max 15)\n");
string[] four = ["a", "b", "c", "d"];
int dropped = 0;
for (int i = 0; i < costStudies; i++)
{
    var acc = four.Select(_ => Enumerable.Range(0, 15).Select(_ => Normal()).ToArray()).ToArray();
    var decision = AdaptiveStudy.Decide(new AdaptivePolicy { Min = 3, Max = 15, Alpha = Alpha, Race = true }, four,
        (m, s) => acc[Array.IndexOf(four, m)][s], (_, _) => false);
    if (decision.Dropped.Count > 0) dropped++;
}
Console.WriteLine($"studies in which some model was dropped: {dropped} of {costStudies} ({P(dropped / (double)costStudies)}; bound: 5%)");
