using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using FsCheck;
using FsCheck.Xunit;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// Random edits of valid YAML (characters inserted, deleted or replaced, lines duplicated, swapped
/// or cut) never crash loading or planning: the outcome is a plan or at least one error, and every
/// error formats with a position inside its source.
/// </summary>
public class LoaderPropertyTests
{
    static readonly string[] Seeds =
    [
        SpecHelpers.Inlined(Repo.Path("experiments", "quickstart.yaml")),
        File.ReadAllText(Repo.Path("experiments", "resnet.yaml")),
        SpecHelpers.Inlined(Repo.Path("experiments", "width.yaml")),
        SpecHelpers.Notebook + "  b:\n    extends: standard\n    set: { conv1.out: 4 }\n    insert_after: { relu1: [dropout2d: 0.1] }\n    remove: [relu3]\n",
    ];

    const string Alphabet = ":-[]{}\t \n&*#\"'!|>%@`,?~.=0123456789eEnxaqs_";

    [Property(MaxTest = 1000)]
    public void Mutated_specs_give_a_plan_or_diagnostics_never_an_exception(byte seed, (byte Kind, ushort Position, byte Char)[] mutations)
    {
        string text = Seeds[seed % Seeds.Length];
        foreach (var m in mutations.Take(4)) text = Mutate(text, m.Kind, m.Position, Alphabet[m.Char % Alphabet.Length]);
        Check(text, []);
    }

    [Property(MaxTest = 200)]
    public void Random_overrides_give_a_plan_or_diagnostics_never_an_exception(NonNull<string> key, NonNull<string> value, bool layerPath)
    {
        string path = layerPath ? "models.standard.layers." + key.Get : key.Get;
        Check(SpecHelpers.Notebook, [$"{path}={value.Get}", path, "=" + value.Get]);
    }

    static void Check(string text, string[] overrides)
    {
        var load = SpecLoader.LoadText(text, "m.yaml", overrides);
        var diagnostics = new List<Diagnostic>(load.Diagnostics);
        if (load.Ok)
        {
            var bag = new DiagnosticBag();
            if (Planner.Plan(load.Spec!, bag) is not null) return;
            diagnostics.AddRange(bag.Items);
        }
        Assert.Contains(diagnostics, d => d.IsError);
        foreach (var d in diagnostics.Where(d => d.Where is not null))
        {
            string source = load.Sources[d.Where!.File];
            Assert.InRange(d.Where.Line, 1, source.Split('\n').Length);
            Assert.Contains($"{d.Where}: error: ", DiagnosticFormatter.Format(d, load.Sources));
        }
    }

    static string Mutate(string text, byte kind, ushort position, char c)
    {
        if (text.Length == 0) return c.ToString();
        int i = position % text.Length;
        var lines = text.Split('\n').ToList();
        int l = position % lines.Count, k = (position / 7) % lines.Count;
        switch (kind % 6)
        {
            case 0: return text.Insert(i, c.ToString());
            case 1: return text.Remove(i, 1);
            case 2: return text[..i] + c + text[(i + 1)..];
            case 3: lines.Insert(l, lines[k]); return string.Join('\n', lines);
            case 4: (lines[l], lines[k]) = (lines[k], lines[l]); return string.Join('\n', lines);
            default: return text[..i];
        }
    }
}
