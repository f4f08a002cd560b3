using System.Text;
using Cnnexp.Spec;

namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// The YAML reader, the binder and <c>--set</c> overrides, as <c>cnnexp check SPEC --set …</c>
/// reads them. Input: the spec text, then after the first NUL byte one override per line.
/// Every outcome must be a load result whose diagnostics format (with their caret lines).
/// </summary>
public static class YamlTarget
{
    public static void Run(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        int split = text.IndexOf('\0');
        string spec = split < 0 ? text : text[..split];
        string[] overrides = split < 0 ? [] : text[(split + 1)..].Split('\n');
        var load = SpecLoader.LoadText(spec, Sandbox.SpecFile, overrides);
        _ = load.FormatDiagnostics();
    }
}
