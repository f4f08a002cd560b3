using Cnnexp.Engine.Data;
using Cnnexp.Engine.Prediction;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;

namespace Cnnexp;

/// <summary><see cref="Experiment.Predict"/>: a run's trained model applied to image files, as its data set's images were fed to it.</summary>
static class ModelPrediction
{
    public static PredictResult Run(string runDir, PredictOptions options)
    {
        if (options.Top < 1) return Failed($"--top must be at least 1, not {options.Top}");
        if (options.Inputs.Count == 0) return Failed("no image given: name PNG or JPEG files, or folders");
        var load = Experiment.Load(Path.Combine(runDir, RunFiles.ResolvedSpec));
        if (!load.Ok) return Failed($"{runDir} is not a readable run directory\n{load.FormatDiagnostics()}");
        var planned = Experiment.Plan(load.Spec!, load.Sources);
        if (!planned.Ok) return Failed(planned.FormatDiagnostics());
        var plan = planned.Plan!;
        if (Choose(plan, options, runDir) is { Error: { } error }) return Failed(error);
        var model = options.Model is { } name ? plan.Model(name) : plan.Models[0];
        int seed = options.Seed ?? plan.Spec.RunSeeds[0];
        var unit = UnitPaths.For(runDir, model.Name, seed);
        string weights = options.Best ? unit.BestWeights : unit.LastWeights;
        if (!File.Exists(weights))
            return Failed($"{weights} does not exist: {model.Name} seed {seed} has no finished epoch in {runDir}");

        var shape = plan.Dataset.ImageShape;
        var (files, errors) = PredictInputs.Expand(options.Inputs);
        var prepared = files.Select(f => ImageClassifier.Prepare(f, shape)).ToList();
        errors.AddRange(prepared.Where(p => !p.Ok).Select(p => p.Error!));
        var good = prepared.Where(p => p.Ok).ToList();
        var notes = good.Where(p => p.Width != shape.W || p.Height != shape.H)
            .Select(p => $"{p.Name} is {p.Width}x{p.Height}; resized to {shape.W}x{shape.H} as the data set's images").ToList();
        using var module = ImageClassifier.Load(model, weights);
        var scores = ImageClassifier.Score(module, good, shape, Normalization.From(plan.Spec.Data.Normalize, shape.C));
        var classes = plan.Dataset.Classes;
        return new PredictResult
        {
            Images = good.Zip(scores, (p, s) => Prediction(p, s, shape, classes, options.Top)).ToList(),
            ImageErrors = errors, Notes = notes, Model = model.Name, Seed = seed, Weights = weights, Classes = classes,
        };
    }

    /// <summary>Checks the model and seed asked for (or that the run has one model to default to).</summary>
    static PredictResult? Choose(ExperimentPlan plan, PredictOptions options, string runDir)
    {
        string models = string.Join(", ", plan.Models.Select(m => m.Name));
        if (options.Model is { } name && plan.Models.All(m => m.Name != name))
            return Failed($"no model `{name}` in {runDir}; models: {models}");
        if (options.Model is null && plan.Models.Count > 1)
            return Failed($"{runDir} has {plan.Models.Count} models ({models}): choose one with --model");
        if (options.Seed is { } seed && !plan.Spec.RunSeeds.Contains(seed))
            return Failed($"no seed {seed} in {runDir}; seeds: {string.Join(", ", plan.Spec.RunSeeds)}");
        return null;
    }

    /// <summary>Top classes by probability, ties to the lower class index (as MODEL.py orders them).</summary>
    static ImagePrediction Prediction(PreparedImage image, ImageScores scores, Shape shape, IReadOnlyList<string> classes, int top)
    {
        var ranked = Enumerable.Range(0, scores.Probabilities.Length)
            .OrderByDescending(i => scores.Probabilities[i]).ThenBy(i => i).Take(top)
            .Select((c, r) => new ClassScore(r + 1, c, classes[c], scores.Probabilities[c], scores.Logits[c])).ToList();
        return new ImagePrediction(image.Name, image.Width, image.Height, image.Width != shape.W || image.Height != shape.H, ranked,
            scores.Logits.Select(v => (double)v).ToList(), scores.Probabilities.Select(v => (double)v).ToList());
    }

    static PredictResult Failed(string error) => new() { Error = error };
}
