using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Datasets;

/// <summary>What the planner needs to know about a data set: the shape of one image and the classes.</summary>
public sealed record DatasetInfo(string Name, Shape ImageShape, IReadOnlyList<string> Classes, string Description)
{
    public int ClassCount => Classes.Count;
}
