/// Running from the F# modules: Async with cancellation, progress and metrics as F# functions, results as records and a Verdict.
module Cnnexp.FSharp.Tests.IdiomaticRunTests

open System
open System.Collections.Concurrent
open System.IO
open System.Threading
open System.Threading.Tasks
open Xunit
open TorchSharp
open Cnnexp.FSharp
open Cnnexp.Results.Statistics
open Cnnexp.FSharp.Tests.Process
open Cnnexp.FSharp.Tests.IdiomaticSpecTests

/// How often the true class is among the two highest logits.
let top2 =
    Hook.metric "top2" (fun logits labels ->
        let struct (_, top) = logits.topk 2
        float (top.eq(labels.unsqueeze 1L).any(1L).to_type(torch.ScalarType.Float32).mean().item<float32>()))

let quick dir = { RunOptions.defaults with OutDir = Some dir; Figures = false }

[<Fact>]
let ``quickstart for one epoch and two seeds returns records, F# metrics and a typed verdict`` () =
    use tmp = new TempFolder()
    let epochs = ConcurrentQueue<EpochRow>()
    let options =
        { quick (Path.Combine(tmp.Path, "run")) with
            Hooks = [ top2 ]
            OnProgress = function Epoch row -> epochs.Enqueue row | _ -> () }
    let spec = quickstart () |> Spec.epochs 1 |> Spec.seeds [ 0; 1 ] |> Spec.dataLimit (Some 500)

    let run = spec |> Experiment.runWith options |> Async.RunSynchronously |> ok

    Assert.Empty run.Failures
    Assert.Equal<string list>([ "standard"; "sumfirst" ], run.Models |> List.map _.Name)
    Assert.Equal(4, run.Metrics.Length)                                               // 2 models x 2 seeds x 1 epoch
    Assert.Equal<string list>(run.Metrics |> List.map (fun r -> $"{r.Model} {r.Seed}") |> List.sort,
                              epochs |> Seq.map (fun r -> $"{r.Model} {r.Seed}") |> Seq.sort |> List.ofSeq)
    for row in run.Metrics do
        Assert.InRange(row.Extra["test_top2"], row.TestAccuracy, 1.0)
        Assert.Equal(None, row.ValAccuracy)                                           // no validation split: None, not NaN
    let c = Run.tryComparison "standard" "sumfirst" run |> Option.get
    Assert.Equal(2, c.Seeds)
    let i = c.Interval |> Option.get
    match c.Verdict with
    | Real ->
        Assert.True(i.Low > 0.0 || i.High < 0.0, $"{i}")
        Assert.Contains("a real difference", c.Sentence)
    | WithinNoise ->
        Assert.True(i.Low <= 0.0 && i.High >= 0.0, $"{i}")
        Assert.Contains("within seed noise", c.Sentence)
    | Equivalent
    | Unresolved -> failwithf "fixed seeds give Real or WithinNoise, got %A" c.Verdict
    let standard = Run.tryModel "standard" run |> Option.get
    Assert.Equal(Some 2, standard.TestAccuracy |> Option.map _.Seeds)
    Assert.All(standard.Seeds, fun s -> Assert.Equal(Completed, s.Status))
    let read = Experiment.read run.Dir                                               // the run directory, read back
    Assert.Equal<ModelResult list>(run.Models, read.Models)
    Assert.Equal<Comparison list>(run.Comparisons, read.Comparisons)

[<Fact>]
let ``Verdicts come from the C# comparisons: the fixed-seed interval, or the adaptive outcome`` () =
    let paired (a: float list) (b: float list) = Stats.Paired("a", "b", Array.ofList a, Array.ofList b) |> Run.verdictOf
    Assert.Equal(Real, paired [ 0.90; 0.91; 0.92 ] [ 0.50; 0.52; 0.49 ])
    Assert.Equal(WithinNoise, paired [ 0.90; 0.80; 0.85 ] [ 0.85; 0.86; 0.84 ])
    Assert.Equal(Unresolved, paired [ 0.9 ] [ 0.5 ])                                // one seed: no spread to judge by
    let adaptive outcome =
        Cnnexp.Results.PairedComparison(A = "a", B = "b", N = 6, MeanDifference = 0.001, Ci95Low = -0.004, Ci95High = 0.006,
                                        PValue = 0.7, Verdict = "", Method = "anytime", Outcome = Nullable outcome)
        |> Run.verdictOf
    Assert.Equal<Verdict list>([ Real; Equivalent; Unresolved ], [ adaptive Outcome.Real; adaptive Outcome.Equivalent; adaptive Outcome.Undecided ])

[<Fact>]
let ``Cancelling the async stops after the current batch, and running again resumes`` () =
    use tmp = new TempFolder()
    let dir = Path.Combine(tmp.Path, "run")
    let spec = quickstart () |> Spec.epochs 3 |> Spec.dataLimit (Some 300) |> Spec.without "sumfirst"
    use cts = new CancellationTokenSource()
    let cancelAtFirstEpoch = { quick dir with Jobs = Some 1; OnProgress = function Epoch _ -> cts.Cancel() | _ -> () }

    let work = Async.StartAsTask(Experiment.runWith cancelAtFirstEpoch spec, cancellationToken = cts.Token)
    Assert.ThrowsAnyAsync<OperationCanceledException>(fun () -> work :> Task).GetAwaiter().GetResult() |> ignore
    Assert.Equal(1, Cnnexp.Results.UnitPaths.For(dir, "standard", 0).ReadState().EpochsDone)

    let resumed = Experiment.runWith (quick dir) spec |> Async.RunSynchronously |> ok
    Assert.Equal(3, resumed.Metrics.Length)

[<Fact>]
let ``A spec that does not plan is Error with its diagnostics, and nothing is trained`` () =
    use tmp = new TempFolder()
    let dir = Path.Combine(tmp.Path, "run")
    let ds = quickstart () |> Spec.remove "standard" 5 |> Experiment.runWith (quick dir) |> Async.RunSynchronously |> errors
    Assert.Contains(ds, fun d -> d.Message.Contains "linear needs a flat input" && d.Location.IsSome)
    Assert.False(Directory.Exists dir)

[<Fact>]
let ``EmulateBf16 chooses how a bf16 run computes, and the manifest records it`` () =
    use tmp = new TempFolder()
    let spec = quickstart () |> Spec.epochs 1 |> Spec.seeds [ 0 ] |> Spec.dataLimit (Some 200) |> Spec.set "train.precision" "bf16"
    let bf16Of (emulate: bool) =
        let dir = Path.Combine(tmp.Path, $"run-{emulate}")
        spec |> Experiment.runWith { quick dir with EmulateBf16 = Some emulate } |> Async.RunSynchronously |> ok |> ignore
        Cnnexp.Results.RunFiles.ReadJson<Cnnexp.Results.Manifest>(Path.Combine(dir, Cnnexp.Results.RunFiles.Manifest)).Bf16
    Assert.Equal("emulated", bf16Of true)
    Assert.Equal("native", bf16Of false)
