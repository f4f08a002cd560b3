namespace Cnnexp;

/// <summary>
/// The files <c>cnnexp predict</c> reads: each file as given, each folder's PNG and JPEG images in every
/// subfolder, in ordinal path order (the exported MODEL.py lists a folder the same way).
/// </summary>
static class PredictInputs
{
    static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The files, and one error line per folder that holds no image.</summary>
    public static (List<string> Files, List<string> Errors) Expand(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        var errors = new List<string>();
        foreach (string input in inputs)
        {
            if (!Directory.Exists(input)) { files.Add(input); continue; }
            var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0) errors.Add($"`{input}` is a folder that holds no .png, .jpg or .jpeg image");
            files.AddRange(found);
        }
        return (files, errors);
    }
}
