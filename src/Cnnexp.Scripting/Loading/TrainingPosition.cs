namespace Cnnexp.Scripting.Loading;

/// <summary>Which model, seed and epoch training is at, so errors from inside a model can say so.</summary>
sealed class TrainingPosition
{
    public string? Model { get; set; }
    public int Seed { get; set; }
    public int Epoch { get; set; }

    public string Describe() => Model is null ? "" : $" (model {Model}, seed {Seed}, epoch {Epoch})";
}
