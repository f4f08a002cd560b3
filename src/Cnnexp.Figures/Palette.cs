using ScottPlot;

namespace Cnnexp.Figures;

/// <summary>One colour per model, the same in every figure (Okabe–Ito: distinguishable with colour blindness).</summary>
public static class Palette
{
    static readonly Color[] Colors =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    public static Color ForModel(int index) => Colors[index % Colors.Length];
}
