using System.Reflection;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// No spec input crashes the tool: every number has declared limits, non-finite numbers are refused,
/// shape arithmetic that would overflow is a located error, and deep or huge YAML is refused before
/// it can exhaust the stack or memory.
/// </summary>
public class LimitsTests
{
    static readonly Type[] Numeric = [typeof(int), typeof(long), typeof(double), typeof(IntPair), typeof(Padding)];

    [Fact]
    public void Every_numeric_field_declares_both_limits()
    {
        var missing = typeof(ExperimentSpec).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => (Property: p, Field: p.GetCustomAttribute<FieldAttribute>()))
            .Where(x => x.Field is not null && IsNumeric(x.Property.PropertyType))
            .Where(x => double.IsNaN(x.Field!.Min) || double.IsNaN(x.Field.Max))
            .Select(x => $"{x.Property.DeclaringType!.Name}.{x.Property.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "no Min or Max: " + string.Join(", ", missing));
    }

    static bool IsNumeric(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (Numeric.Contains(t)) return true;
        return t.IsGenericType && t.GetGenericArguments() is [var element] && IsNumeric(element);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("Infinity")]
    public void Non_finite_numbers_are_refused_at_their_line(string value)
    {
        var r = SpecLoader.LoadText(Spec("optimizer: { lr: " + value + " }"), "s.yaml");
        var d = Assert.Single(r.Diagnostics, d => d.IsError);
        Assert.Equal("out-of-range", d.Code);
        Assert.Contains("finite", d.Message);
        Assert.Equal(6, d.Where!.Line);
    }

    [Theory]
    [InlineData("conv2d: { out: 100000000, kernel: 3 }", "out-of-range")]
    [InlineData("linear: { out: 2000000000 }", "out-of-range")]
    [InlineData("conv2d: { out: 3, kernel: 99999999999 }", "wrong-type")]
    public void Absurd_widths_are_refused_by_their_field_limits(string layer, string code)
    {
        var r = SpecLoader.LoadText(Spec(layers: "    - " + layer), "s.yaml");
        var d = Assert.Single(r.Diagnostics, d => d.IsError);
        Assert.Equal(code, d.Code);
        Assert.Equal(10, d.Where!.Line);
    }

    [Fact]
    public void A_model_too_large_for_memory_is_a_located_error_not_an_overflow()
    {
        // Each field is inside its limits; together they describe 65536x4096x4096 activations.
        var r = SpecLoader.LoadText(Spec(layers: "    - conv2d: { out: 65536, kernel: 1, padding: 2047 }\n    - flatten\n    - linear: { out: 10 }"), "s.yaml");
        var plan = Plan(r);
        var d = Assert.Single(plan, d => d.IsError);
        Assert.Equal("too-large", d.Code);
        Assert.Equal(10, d.Where!.Line);
        Assert.Contains("conv1", d.Message);
    }

    [Fact]
    public void Too_many_parameters_is_a_located_error()
    {
        // 32x32x4 = 4096 features into 1M outputs: 4.3e9 weights.
        var r = SpecLoader.LoadText(Spec(layers: "    - conv2d: { out: 4, padding: 1 }\n    - flatten\n    - linear: { out: 1048576 }\n    - linear: { out: 10 }"), "s.yaml");
        var d = Assert.Single(Plan(r), d => d.IsError);
        Assert.Equal("too-large", d.Code);
        Assert.Contains("parameters", d.Message);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(SpecLimits.MaxYamlDepth + 1)]
    public void Deep_flow_nesting_is_a_located_error(int depth)
    {
        string text = "name: x\nseeds: " + new string('[', depth) + new string(']', depth) + "\n";
        var r = SpecLoader.LoadText(text, "deep.yaml");
        var d = Assert.Single(r.Diagnostics, d => d.IsError);
        Assert.Equal("too-deep", d.Code);
        Assert.Equal(2, d.Where!.Line);
    }

    [Fact]
    public void Deep_block_nesting_is_a_located_error()
    {
        var text = new System.Text.StringBuilder("name: x\n");
        for (int i = 0; i < 300; i++) text.Append(new string(' ', 2 * i)).Append("k:\n");
        var r = SpecLoader.LoadText(text.ToString(), "deep.yaml");
        Assert.Equal("too-deep", Assert.Single(r.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void Nesting_just_inside_the_limit_reads()
    {
        int depth = SpecLimits.MaxYamlDepth - 1;
        string text = "name: x\nnotes: " + new string('[', depth) + new string(']', depth) + "\n";
        var r = SpecLoader.LoadText(text, "ok.yaml");
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == "too-deep");
    }

    [Fact]
    public void A_huge_file_is_refused_without_parsing()
    {
        string text = "name: x\nnotes: \"" + new string('a', SpecLimits.MaxYamlChars) + "\"\n";
        var r = SpecLoader.LoadText(text, "huge.yaml");
        Assert.Equal("too-large", Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void A_folder_given_as_the_spec_says_so()
    {
        var r = SpecLoader.LoadFile(Path.GetTempPath());
        Assert.Equal("not-a-file", Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void A_deep_set_key_is_refused()
    {
        var r = SpecLoader.LoadText(Spec(), "s.yaml", [string.Join('.', Enumerable.Repeat("a", 100_000)) + "=1"]);
        Assert.Contains(r.Diagnostics, d => d.IsError && d.Code == "bad-set");
    }

    static IReadOnlyList<Cnnexp.Spec.Diagnostics.Diagnostic> Plan(LoadResult r)
    {
        Assert.True(r.Ok, string.Join("\n", r.Diagnostics));
        var bag = new Cnnexp.Spec.Diagnostics.DiagnosticBag();
        Cnnexp.Spec.Planning.Planner.Plan(r.Spec!, bag);
        return bag.Items;
    }

    static string Spec(string train = "", string layers = "    - flatten\n    - linear: { out: 10 }") =>
        "name: limits\n" +
        "data: { dataset: synthetic }\n" +
        "seeds: [0]\n" +
        "train:\n" +
        "  epochs: 1\n" +
        "  " + train + "\n" +
        "models:\n" +
        "  m:\n" +
        "    layers:\n" +
        layers + "\n";
}
