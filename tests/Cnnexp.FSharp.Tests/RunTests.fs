/// Running from F#: Task-based, cancellable, progress through IProgress, hooks as F# functions, results as records.
module Cnnexp.FSharp.Tests.RunTests

open System
open System.IO
open System.Threading
open System.Threading.Tasks
open Xunit
open Cnnexp
open Cnnexp.Hooks
open Cnnexp.Results
open TorchSharp
open type Cnnexp.Experiment
open Cnnexp.FSharp.Tests.Process
open Cnnexp.FSharp.Tests.FacadeTests

let onEpoch (f: TrainingProgress -> unit) =
    { new IProgress<TrainingProgress> with
        member _.Report p = if p.Kind = TrainingProgressKind.Epoch then f p }

[<Fact>]
let ``RunAsync trains, reports progress, runs hooks written in F# and returns plain records`` () = task {
    let hooks = HookSet "fsharp"
    hooks.Metric("top2", fun logits labels ->
        let struct (_, top) = logits.topk(2)
        float (top.eq(labels.unsqueeze 1L).any(1L).to_type(torch.ScalarType.Float32).mean().item<float32>()))
    hooks.OnEpochEnd(fun e -> e.Record("epoch_squared", float (e.Epoch * e.Epoch)))
    let epochs = ResizeArray<TrainingProgress>()
    use tmp = new TempFolder()
    let dir = Path.Combine(tmp.Path, "run")

    let! result = RunAsync(Parse(tiny).Spec, RunSettings(OutDir = dir, Hooks = [| hooks |]), onEpoch epochs.Add, CancellationToken.None)

    Assert.True(result.Ok, String.Join("\n", result.Failures))
    Assert.Equal<string list>([ "rgb 1"; "rgb 2"; "sum 1"; "sum 2" ], epochs |> Seq.map (fun p -> $"{p.Model} {p.Epoch}") |> List.ofSeq)
    Assert.Equal<string list>([ "rgb"; "sum" ], result.Summary.Models |> Seq.map (fun m -> m.Name) |> List.ofSeq)
    for m in result.Metrics do
        Assert.Equal(float (m.Epoch * m.Epoch), m.Extra["epoch_squared"])
        Assert.InRange(m.Extra["test_top2"], m.TestAccuracy, 1.0)
    let read = ReadResults dir                                          // the run directory, read back as records
    Assert.Equal(result.Metrics.Count, read.Metrics.Count)
    Assert.Equal(result.Summary.Models[0].MeanTestAccuracy, read.Summary.Models[0].MeanTestAccuracy)
    Assert.Contains(Path.Combine(dir, "figures", "metric_top2.png"), result.Figures)
}

[<Fact>]
let ``Cancelling stops after the current batch, keeps finished epochs, and running again resumes`` () = task {
    let spec = Parse(tiny).Spec.WithEpochs 4
    use tmp = new TempFolder()
    let dir = Path.Combine(tmp.Path, "run")
    use cts = new CancellationTokenSource()
    let cancelAtEpoch2 = onEpoch (fun p -> if p.Model = "rgb" && p.Epoch = 2 then cts.Cancel())

    let! _ = Assert.ThrowsAnyAsync<OperationCanceledException>(fun () -> RunAsync(spec, RunSettings(OutDir = dir), cancelAtEpoch2, cts.Token) :> Task)
    Assert.Equal(2, UnitPaths.For(dir, "rgb", 0).ReadState().EpochsDone)

    let! resumed = RunAsync(spec, RunSettings(OutDir = dir))
    Assert.True(resumed.Ok)
    Assert.Equal(8, resumed.Metrics.Count)
}

[<Fact>]
let ``An invalid spec gives a result with diagnostics and trains nothing`` () = task {
    use tmp = new TempFolder()
    let dir = Path.Combine(tmp.Path, "run")
    let! result = RunAsync(Parse(tiny).Spec.RemoveLayer("rgb", 3), RunSettings(OutDir = dir))
    Assert.False result.Ok
    Assert.Null result.Summary
    Assert.Contains("linear needs a flat input", result.FormatDiagnostics())
    Assert.False(Directory.Exists dir)
}
