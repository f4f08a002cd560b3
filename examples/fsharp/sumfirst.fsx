// The quickstart question, asked from F#: what is lost when R+G+B are summed before the first
// convolution? Loads the spec, derives a quicker variant with one more model (without touching the
// file), inspects the plan, trains with progress and a metric written here in F#, reads the results.
//
// Build the packages once, from the repository root (nuget.config beside this script adds that folder
// as a package source):
//     dotnet pack src/Cnnexp -c Release -o artifacts
// then run (about a minute on one core):
//     dotnet fsi examples/fsharp/sumfirst.fsx
#r "nuget: Cnnexp.Api, 0.3.0"

open System
open System.IO
open System.Threading
open Cnnexp
open Cnnexp.Hooks
open Cnnexp.Spec.Layers
open TorchSharp

let load = Experiment.Load(Path.Combine(__SOURCE_DIRECTORY__, "..", "..", "experiments", "quickstart.yaml"))
if not load.Ok then failwith (load.FormatDiagnostics())

// Specs are immutable: each With… returns a new one. "deeper" starts as a copy of "standard".
let spec =
    load.Spec
        .WithEpochs(3)
        .WithLearningRate(0.002)
        .DeriveModel("deeper", "standard")
        .InsertLayer("deeper", 4, Conv2dLayer(Out = 16, Kernel = Cnnexp.Spec.Model.IntPair.Square 3, Padding = Cnnexp.Spec.Model.Padding.Of 1))
        .InsertLayer("deeper", 5, ReluLayer())

let plan = Experiment.Plan spec
if not plan.Ok then failwith (plan.FormatDiagnostics())
printfn "%s" (Experiment.Inspect plan.Plan)

// A metric in F#: how often the true class is among the two highest logits.
let hooks = HookSet "sumfirst.fsx"
hooks.Metric("top2", fun logits labels ->
    let struct (_, top) = logits.topk(2)
    float (top.eq(labels.unsqueeze(1L)).any(1L).to_type(torch.ScalarType.Float32).mean().item<float32>()))

let progress =
    { new IProgress<TrainingProgress> with
        member _.Report p =
            if p.Kind = TrainingProgressKind.Epoch then
                printfn "%-9s seed %d epoch %d: test accuracy %5.1f%%, top-2 %5.1f%%"
                    p.Model p.Seed p.Epoch (100.0 * p.Metrics.TestAccuracy) (100.0 * p.Metrics.Extra["test_top2"]) }

let cancel = new CancellationTokenSource(TimeSpan.FromMinutes 20.0)
let result =
    Experiment.RunAsync(spec, RunSettings(Hooks = [| hooks |]), progress, cancel.Token)
    |> Async.AwaitTask
    |> Async.RunSynchronously

if not result.Ok then failwithf "%s%s" (result.FormatDiagnostics()) (String.Join("\n", result.Failures))
printfn "\nrun directory: %s" result.OutDir
for m in result.Summary.Models do
    printfn "%-9s %9d parameters  test accuracy %5.1f%%" m.Name m.Parameters (100.0 * m.MeanTestAccuracy)
for c in result.Summary.Comparisons do
    printfn "%s - %s: %s" c.A c.B c.Verdict
