using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Figures.Report;

/// <summary>One model's resolved YAML (its fields, without its name or `extends`), as spec.resolved.yaml writes it.</summary>
public static class ModelYaml
{
    public static IReadOnlyList<string> Lines(ExperimentSpec spec, ModelSpec model)
    {
        string yaml = SpecWriter.Write(spec with { Models = [model with { Extends = null }] });
        var lines = yaml.Split('\n');
        int start = Array.IndexOf(lines, "models:");
        // "models:", then "  name:", then the fields indented by four spaces.
        return lines.Skip(start + 2).Where(l => l.Length > 0).Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l.TrimStart()).ToList();
    }
}
