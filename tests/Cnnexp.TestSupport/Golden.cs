namespace Cnnexp.TestSupport;

/// <summary>
/// Compares user-visible text with a golden file in the source tree. With CNNEXP_UPDATE_GOLDEN=1
/// the file is (re)written instead, to be reviewed in the diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("CNNEXP_UPDATE_GOLDEN") == "1";

    /// <param name="path">The golden file.</param>
    /// <param name="actual">What the code printed now.</param>
    /// <param name="regenerate">The command that rewrites it, for the failure message.</param>
    public static void Check(string path, string actual, string regenerate = "CNNEXP_UPDATE_GOLDEN=1 dotnet test")
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Xunit.Assert.True(File.Exists(path), $"golden file {path} is missing; create it with: {regenerate}");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
            Xunit.Assert.Fail($"{path} differs from the output (regenerate with `{regenerate}` and review the diff):\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}
