namespace Cnnexp.FSharp

open System
open Cnnexp.Results
open Cnnexp.Results.Statistics

/// What a comparison of two models found.
type Verdict =
    /// The interval excludes 0: a real difference, not seed noise.
    | Real
    /// Fixed seeds: the 95% interval holds 0, so no difference is shown.
    | WithinNoise
    /// Adaptive seeds with a margin: the interval lies inside ±margin.
    | Equivalent
    /// Not answered: one seed only (no spread to judge noise by), or an adaptive study that
    /// stopped before its interval settled.
    | Unresolved

type Interval = { Low: float; High: float }

/// Model A minus model B on final test accuracy (fractions: 0.02 is 2 points), paired by seed.
type Comparison =
    { A: string
      B: string
      Seeds: int
      MeanDifference: float
      /// 95% t interval (fixed seeds) or the anytime-valid interval (adaptive seeds); None with one seed.
      Interval: Interval option
      PValue: float option
      Verdict: Verdict
      /// The verdict in a sentence, as the report prints it.
      Sentence: string }

/// A mean over seeds, with its spread and 95% interval (None with one seed).
type Estimate = { Seeds: int; Mean: float; StdDev: float option; Ci95: Interval option }

type SeedStatus =
    | Completed
    /// Training stopped early: why (a hook's request, early stopping, a NaN loss).
    | Stopped of reason: string

type SeedOutcome =
    { Seed: int
      Epochs: int
      TestAccuracy: float
      TestLoss: float
      TrainLoss: float
      Status: SeedStatus }

type ModelResult =
    { Name: string
      Parameters: int64
      Macs: int64
      Seeds: SeedOutcome list
      TestAccuracy: Estimate option }

/// One row of metrics.csv: a model, a seed, an epoch.
type EpochRow =
    { Model: string
      Seed: int
      Epoch: int
      TrainLoss: float
      TrainAccuracy: float
      TestLoss: float
      TestAccuracy: float
      /// None without a validation split (`val_fraction`).
      ValLoss: float option
      ValAccuracy: float option
      LearningRate: float
      Seconds: float
      ImagesPerSecond: float
      /// Custom metrics (`test_NAME`) and values hooks recorded.
      Extra: Map<string, float> }

/// A finished run: its directory, the results per model, the comparisons with their verdicts, every
/// metrics row and the figure files.
type Run =
    { Dir: string
      Name: string
      Dataset: string
      Seeds: int list
      Models: ModelResult list
      Comparisons: Comparison list
      Metrics: EpochRow list
      Figures: string list
      /// What failed without stopping the run (a unit or a hook), one line each; empty when all went well.
      Failures: string list
      /// For adaptive seeds: why the study stopped, in one sentence.
      Adaptive: string option
      Seconds: float }

[<RequireQualifiedAccess>]
module Run =
    let private number (x: float) = if Double.IsNaN x then None else Some x

    let private interval low high =
        if Double.IsNaN low || Double.IsNaN high then None else Some { Low = low; High = high }

    /// The C# comparison's outcome as a verdict: adaptive comparisons carry theirs; a fixed-seed one
    /// is real when its interval excludes 0 (the rule the verdict sentence follows).
    let internal verdictOf (c: PairedComparison) =
        if c.Outcome.HasValue then
            match c.Outcome.Value with
            | Outcome.Real -> Real
            | Outcome.Equivalent -> Equivalent
            | _ -> Unresolved
        elif c.N < 2 || Double.IsNaN c.Ci95Low then Unresolved
        elif c.Ci95Low > 0.0 || c.Ci95High < 0.0 then Real
        else WithinNoise

    let internal comparison (c: PairedComparison) : Comparison =
        { A = c.A; B = c.B; Seeds = c.N; MeanDifference = c.MeanDifference
          Interval = interval c.Ci95Low c.Ci95High; PValue = number c.PValue; Verdict = verdictOf c; Sentence = c.Verdict }

    let private estimate (s: SampleStats) : Estimate =
        { Seeds = s.N; Mean = s.Mean; StdDev = number s.StdDev; Ci95 = interval s.Ci95Low s.Ci95High }

    let private seed (s: SeedResult) : SeedOutcome =
        { Seed = s.Seed; Epochs = s.Epochs; TestAccuracy = s.FinalTestAccuracy; TestLoss = s.FinalTestLoss; TrainLoss = s.FinalTrainLoss
          Status = if s.Status = UnitStatus.Done then Completed else Stopped (defaultArg (Option.ofObj s.StopReason) "stopped") }

    let private model (m: ModelSummary) : ModelResult =
        { Name = m.Name; Parameters = m.Parameters; Macs = m.Macs
          Seeds = m.Seeds |> Seq.map seed |> List.ofSeq
          TestAccuracy = m.TestAccuracy |> Option.ofObj |> Option.map estimate }

    let internal row (m: EpochMetrics) : EpochRow =
        { Model = m.Model; Seed = m.Seed; Epoch = m.Epoch; TrainLoss = m.TrainLoss; TrainAccuracy = m.TrainAccuracy
          TestLoss = m.TestLoss; TestAccuracy = m.TestAccuracy; ValLoss = number m.ValLoss; ValAccuracy = number m.ValAccuracy
          LearningRate = m.LearningRate; Seconds = m.Seconds; ImagesPerSecond = m.ImagesPerSecond
          Extra = m.Extra |> Seq.map (fun kv -> kv.Key, kv.Value) |> Map.ofSeq }

    let internal run (dir: string) (s: RunSummary) (metrics: EpochMetrics seq) (figures: string seq) (failures: string seq) : Run =
        { Dir = dir; Name = s.Name; Dataset = s.Dataset; Seeds = List.ofSeq s.Seeds
          Models = s.Models |> Seq.map model |> List.ofSeq
          Comparisons = s.Comparisons |> Seq.map comparison |> List.ofSeq
          Metrics = metrics |> Seq.map row |> List.ofSeq
          Figures = List.ofSeq figures
          Failures = List.ofSeq failures
          Adaptive = s.Adaptive |> Option.ofObj |> Option.map _.Explanation
          Seconds = s.Seconds }

    /// The comparison of A and B (in either order), if the run made it.
    let tryComparison (a: string) (b: string) (run: Run) =
        run.Comparisons |> List.tryFind (fun c -> c.A = a && c.B = b || c.A = b && c.B = a)

    /// The results of MODEL, if it was trained.
    let tryModel (name: string) (run: Run) = run.Models |> List.tryFind (fun m -> m.Name = name)

    /// The metrics rows of MODEL, by seed then epoch.
    let rowsOf (model: string) (run: Run) =
        run.Metrics |> List.filter (fun r -> r.Model = model) |> List.sortBy (fun r -> r.Seed, r.Epoch)
