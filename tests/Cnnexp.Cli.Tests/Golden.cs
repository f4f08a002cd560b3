namespace Cnnexp.Cli.Tests;

/// <summary>
/// Compares printed text with a golden file in the source tree; CNNEXP_UPDATE_GOLDEN=1 rewrites the
/// file instead (review the diff): `CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Cli.Tests`.
/// </summary>
static class Golden
{
    public static void Check(string name, string actual)
    {
        string path = Repo.Path("tests", "Cnnexp.Cli.Tests", "Golden", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CNNEXP_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Cli.Tests");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
