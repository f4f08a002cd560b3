using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures;

/// <summary>
/// DejaVu Sans loaded from this assembly's resources. SkiaSharp's NoDependencies build cannot see
/// system fonts, and servers often have none: without this, text silently vanishes.
/// </summary>
public static class EmbeddedFonts
{
    public const string Family = "DejaVu Sans";
    static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    static readonly object Gate = new();
    static bool installed;

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Makes ScottPlot resolve every font name to the embedded faces. Idempotent.</summary>
    public static void InstallForScottPlot()
    {
        lock (Gate)
        {
            if (installed) return;
            Fonts.FontResolvers.Insert(0, new Resolver());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            installed = true;
        }
    }

    static SKTypeface Load(string file)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("Cnnexp.Figures.Fonts." + file)
                           ?? throw new InvalidOperationException($"embedded font {file} is missing from the assembly");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"embedded font {file} did not load");
    }

    sealed class Resolver : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold : Regular;

        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            (int)weight >= (int)FontWeight.SemiBold ? Bold : Regular;
    }
}
