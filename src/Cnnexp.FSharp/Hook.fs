namespace Cnnexp.FSharp

open System
open Cnnexp.Hooks
open TorchSharp

/// Code that runs with the training, written as F# functions: what a .csx hook script registers
/// (docs/hooks.md), as values. Pass them in `RunOptions.Hooks`.
type Hook =
    /// NAME, from the test split's logits (N, classes) and labels (N) to one number after every epoch:
    /// metrics.csv column `test_NAME`, figure `metric_NAME`.
    | Metric of name: string * compute: (torch.Tensor -> torch.Tensor -> float)
    /// Once, when training starts (also when a run resumes).
    | OnRunStart of (RunStart -> unit)
    /// After every epoch of every model and seed; may record values and stop that unit.
    | OnEpochEnd of (EpochEnd -> unit)
    /// After every training step; the tensors live during the call only.
    | OnBatchEnd of (BatchEnd -> unit)
    /// Once, when every model and seed has finished.
    | OnRunEnd of (RunEnd -> unit)
    /// A figure NAME drawn on a SkiaSharp canvas of WIDTH x HEIGHT pixels from the finished run.
    | Figure of name: string * draw: (FigureContext -> unit) * width: int * height: int

[<RequireQualifiedAccess>]
module Hook =
    /// Registers the hooks on a C# HookSet, which checks names (and throws ArgumentException on a bad one).
    let internal addTo (set: HookSet) (hook: Hook) =
        match hook with
        | Metric(name, compute) -> set.Metric(name, Func<_, _, _>(fun logits labels -> compute logits labels))
        | OnRunStart f -> set.OnRunStart(Action<_> f)
        | OnEpochEnd f -> set.OnEpochEnd(Action<_> f)
        | OnBatchEnd f -> set.OnBatchEnd(Action<_> f)
        | OnRunEnd f -> set.OnRunEnd(Action<_> f)
        | Figure(name, draw, width, height) -> set.Figure(name, Action<_> draw, width, height)

    let internal toHookSet (name: string) (hooks: Hook list) =
        let set = HookSet name
        hooks |> List.iter (addTo set)
        set

    /// Checked now, so a bad name fails where it is written rather than when the run starts.
    let private checkedNow (hook: Hook) =
        addTo (HookSet "check") hook
        hook

    /// A metric: `Hook.metric "top2" (fun logits labels -> ...)`. NAME is lower case letters, digits and `_`.
    let metric (name: string) (compute: torch.Tensor -> torch.Tensor -> float) = checkedNow (Metric(name, compute))

    let onRunStart (f: RunStart -> unit) = OnRunStart f
    let onEpochEnd (f: EpochEnd -> unit) = OnEpochEnd f
    let onBatchEnd (f: BatchEnd -> unit) = OnBatchEnd f
    let onRunEnd (f: RunEnd -> unit) = OnRunEnd f

    /// A figure of 1000 x 600 pixels: figures/NAME.png and .svg.
    let figure (name: string) (draw: FigureContext -> unit) = checkedNow (Figure(name, draw, 1000, 600))
