namespace Cnnexp;

/// <summary>
/// One image classified by <see cref="Experiment.Predict"/>: its top classes, and every class's logit and
/// softmax probability in the data set's class order. <see cref="Width"/> × <see cref="Height"/> is the
/// file's own size; <see cref="Resized"/> when it differs from the data set's.
/// </summary>
public sealed record ImagePrediction(string Image, int Width, int Height, bool Resized, IReadOnlyList<ClassScore> Top,
    IReadOnlyList<double> Logits, IReadOnlyList<double> Probabilities);
