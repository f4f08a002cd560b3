using Cnnexp.Scripting.Loading;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// An exception thrown inside a hook, named: which hook, during which event, where training was
/// ("hook hooks/x.csx failed at epoch end (model rgb, seed 0, epoch 2): InvalidOperationException: boom (at hooks/x.csx:7)").
/// It fails only the model/seed it happened in; finished epochs and other units are kept.
/// </summary>
public sealed class HookException : Exception, Engine.Training.IExpectedFailure
{
    internal HookException(string hook, string @event, string where, Exception inner, IReadOnlyCollection<string> sources)
        : base($"hook {hook} failed {@event}{where}: {ScriptErrors.Describe(inner, sources)}", ScriptErrors.Unwrap(inner))
    {
        Hook = hook;
        Event = @event;
    }

    /// <summary>The hook's file, as displayed.</summary>
    public string Hook { get; }

    /// <summary>"at epoch end", "at batch end", "computing metric `top2`", …</summary>
    public string Event { get; }
}
