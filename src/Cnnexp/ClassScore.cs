namespace Cnnexp;

/// <summary>One of an image's most probable classes: its rank (1 = most probable), index and name in the data set, probability and logit.</summary>
public sealed record ClassScore(int Rank, int Index, string Name, double Probability, double Logit);
