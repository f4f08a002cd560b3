// The quickstart question, asked from F#: what is lost when R+G+B are summed before the first
// convolution? Loads the spec, derives a quicker variant with one more model (without touching the
// file), inspects the plan, trains with progress and a metric written here in F#, reads the results.
//
// Build the packages once, from the repository root (nuget.config beside this script adds that folder
// as a package source):
//     dotnet pack src/Cnnexp.FSharp -c Release -o artifacts
// then run (about a minute on one core):
//     dotnet fsi examples/fsharp/sumfirst.fsx
#r "nuget: Cnnexp.FSharp, 0.4.0"

open System
open System.IO
open System.Threading
open Cnnexp.FSharp
open TorchSharp

/// Loading and planning return Result: Error holds every diagnostic, located and with a caret.
let orFail result =
    match result with
    | Ok value -> value
    | Error diagnostics -> failwith (Diagnostic.format diagnostics)

// Specs are immutable: each step returns a new one. "deeper" starts as a copy of "standard".
let spec =
    Spec.load (Path.Combine(__SOURCE_DIRECTORY__, "..", "..", "experiments", "quickstart.yaml"))
    |> orFail
    |> Spec.epochs 3
    |> Spec.learningRate 0.002
    |> Spec.derive "deeper" "standard"
    |> Spec.insert "deeper" 4 (Layer.conv2d 16 3 |> Layer.padding 1)
    |> Spec.insert "deeper" 5 Layer.relu

let plan = Experiment.plan spec |> orFail
printfn "%s" plan.Text

// A metric in F#: how often the true class is among the two highest logits.
let top2 =
    Hook.metric "top2" (fun logits labels ->
        let struct (_, top) = logits.topk 2
        float (top.eq(labels.unsqueeze 1L).any(1L).to_type(torch.ScalarType.Float32).mean().item<float32>()))

let progress report =
    match report with
    | Epoch row ->
        printfn "%-9s seed %d epoch %d: test accuracy %5.1f%%, top-2 %5.1f%%"
            row.Model row.Seed row.Epoch (100.0 * row.TestAccuracy) (100.0 * row.Extra["test_top2"])
    | Batch _
    | Message _ -> ()

// The run is an Async: cancelling it (here after 20 minutes) stops after the current batch.
let cancel = new CancellationTokenSource(TimeSpan.FromMinutes 20.0)
let run =
    Async.RunSynchronously(Experiment.runWith { RunOptions.defaults with Hooks = [ top2 ]; OnProgress = progress } spec,
                           cancellationToken = cancel.Token)
    |> orFail

if not run.Failures.IsEmpty then failwith (String.concat "\n" run.Failures)
printfn "\nrun directory: %s" run.Dir
for m in run.Models do
    let accuracy = m.TestAccuracy |> Option.map _.Mean |> Option.defaultValue nan
    printfn "%-9s %9d parameters  test accuracy %5.1f%%" m.Name m.Parameters (100.0 * accuracy)
for c in run.Comparisons do
    let verdict =
        match c.Verdict with
        | Real -> "a real difference"
        | WithinNoise -> "within seed noise"
        | Equivalent -> "equivalent"
        | Unresolved -> "unresolved (one seed cannot tell; try Spec.seeds [ 0 .. 4 ])"
    printfn "%s - %s: %+.1f points, %s" c.A c.B (100.0 * c.MeanDifference) verdict
