using Cnnexp.Engine.Data;

namespace Cnnexp.Engine.Artefacts;

/// <summary>Which test images the figures show: the first of each class, in class order.</summary>
static class SampleSelection
{
    /// <summary>At most this many: one per class for CIFAR-10 and the synthetic set.</summary>
    public const int MaxSamples = 12;

    public static IReadOnlyList<long> FirstOfEachClass(ImageSplit split, int classes)
    {
        var labels = split.Labels.data<long>().ToArray();
        var chosen = new List<long>();
        for (int c = 0; c < classes && chosen.Count < MaxSamples; c++)
        {
            int i = Array.IndexOf(labels, (long)c);
            if (i >= 0) chosen.Add(i);
        }
        return chosen;
    }
}
