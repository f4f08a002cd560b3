namespace Cnnexp.Spec.Tests;

/// <summary>
/// Compares user-visible text with a golden file in the source tree. With CNNEXP_UPDATE_GOLDEN=1
/// the file is (re)written instead, to be reviewed in the diff: `CNNEXP_UPDATE_GOLDEN=1 dotnet test`.
/// </summary>
static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("CNNEXP_UPDATE_GOLDEN") == "1";

    public static void Check(string path, string actual, string regenerate = "CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Spec.Tests")
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with: {regenerate}");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
            Assert.Fail($"{path} differs from the output (regenerate with `{regenerate}` and review the diff):\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}
