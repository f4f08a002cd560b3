namespace Cnnexp.Engine.Training;

/// <summary>Mean loss and accuracy over a split.</summary>
public readonly record struct Evaluation(double Loss, double Accuracy, int Count);
