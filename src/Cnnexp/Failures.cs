using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Training;
using Cnnexp.Scripting.Running;

namespace Cnnexp;

/// <summary>What kind of failure an exception from the facade is, so a front end picks its message and exit code without knowing the engine's types.</summary>
public enum FailureKind
{
    /// <summary>The user's input cannot work (settings, a changed spec at a resumed run, an `init` source): the message says what to change.</summary>
    InvalidInput,
    /// <summary>A data set that cannot be found, downloaded or read.</summary>
    Data,
    /// <summary>Cancelled (Ctrl-C): finished epochs are kept.</summary>
    Interrupted,
    /// <summary>A hook script failed; its message is located in the script.</summary>
    Hook,
    /// <summary>libtorch's native library could not be loaded; the message says how to fix it.</summary>
    NativeLibrary,
    /// <summary>A bug: keep the type and stack trace.</summary>
    Unexpected,
}

public static class Failures
{
    public static FailureKind KindOf(Exception e) => e switch
    {
        SettingsException or SpecChangedException or InitException or Results.RunFileException => FailureKind.InvalidInput,
        DataException => FailureKind.Data,
        OperationCanceledException => FailureKind.Interrupted,
        HookException => FailureKind.Hook,
        NativeLoadException => FailureKind.NativeLibrary,
        _ => FailureKind.Unexpected,
    };
}
