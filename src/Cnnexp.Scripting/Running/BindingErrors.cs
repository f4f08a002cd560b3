using Cnnexp.Hooks;
using Cnnexp.Scripting.Loading;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Scripting.Running;

/// <summary>Turns what goes wrong while a script builds its layer or transform into a planning error at the YAML line.</summary>
static class BindingErrors
{
    public static ShapeCheck From(Exception thrown, LoadedScript script, string what)
    {
        var e = ScriptErrors.Unwrap(thrown);
        return e is HookArgumentException a
            ? ShapeCheck.Fail($"{script.DisplayPath}: {a.Message}", a.Hint, a.Key is null ? "path" : $"args.{a.Key}")
            : ShapeCheck.Fail($"{script.DisplayPath} threw while building its {what}: {ScriptErrors.Describe(e, script.Sources)}", null, "path");
    }

    /// <summary>An arg the script never read: an unknown key, as everywhere else in a spec.</summary>
    public static ShapeCheck? Unused(HookArgs args, LoadedScript script)
    {
        string? unused = args.Keys.FirstOrDefault(k => !args.Read.Contains(k));
        if (unused is null) return null;
        return ShapeCheck.Fail($"{script.DisplayPath} does not use `args.{unused}`",
            args.Read.Count == 0 ? "this script reads no args" : Suggest.DidYouMean(unused, args.Read), $"args.{unused}");
    }

    public static ShapeCheck WrongShape(LoadedScript script, string what, Shape input, Shape claimed, Shape actual) => ShapeCheck.Fail(
        $"{script.DisplayPath} says its {what} turns {input} into {claimed}, but on a zero batch it returns {actual}",
        "return the shape the module really produces (batch dimension left out)", "path");
}
