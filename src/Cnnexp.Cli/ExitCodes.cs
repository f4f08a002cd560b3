namespace Cnnexp.Cli;

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Something failed at run time (native loading, a crash, disk full).</summary>
    public const int Failure = 1;
    /// <summary>Invalid input: the spec, the arguments or the data.</summary>
    public const int InvalidInput = 2;
    /// <summary>Interrupted by Ctrl-C; finished epochs are kept.</summary>
    public const int Interrupted = 130;
}
