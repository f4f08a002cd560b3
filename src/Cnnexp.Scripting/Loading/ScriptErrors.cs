using System.Diagnostics;
using System.Reflection;

namespace Cnnexp.Scripting.Loading;

/// <summary>Finds where in a script an exception was thrown (scripts are compiled with a PDB).</summary>
static class ScriptErrors
{
    /// <summary>The innermost meaningful exception (reflection and task wrappers removed).</summary>
    public static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is not null) e = e.InnerException;
        return e;
    }

    /// <summary>The first stack frame inside one of <paramref name="files"/> (full paths): file and 1-based line.</summary>
    public static (string File, int Line)? Place(Exception e, IReadOnlyCollection<string> files)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            if (frame.GetFileName() is { } f && files.Contains(f) && frame.GetFileLineNumber() > 0)
                return (f, frame.GetFileLineNumber());
        return null;
    }

    /// <summary>"InvalidOperationException: boom (at hooks/x.csx:12)".</summary>
    public static string Describe(Exception e, IReadOnlyCollection<string> files)
    {
        e = Unwrap(e);
        string where = Place(e, files) is { } p ? $" (at {HookPaths.Display(p.File)}:{p.Line})" : "";
        return $"{e.GetType().Name}: {e.Message}{where}";
    }
}
