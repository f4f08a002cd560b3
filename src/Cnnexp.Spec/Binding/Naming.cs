using System.Text;

namespace Cnnexp.Spec.Binding;

public static class Naming
{
    /// <summary><c>BatchSize</c> → <c>batch_size</c>; <c>Conv2d</c> → <c>conv2d</c>.</summary>
    public static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(pascal[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
