namespace Cnnexp.FSharp

open System
open Cnnexp

/// A training batch finished.
type BatchReport =
    { Model: string
      Seed: int
      Epoch: int
      Epochs: int
      /// 1-based, within the epoch.
      Batch: int
      Batches: int
      /// The epoch's running training loss so far.
      Loss: float
      ImagesPerSecond: float }

/// What a running experiment reports, as it happens.
type Progress =
    | Batch of BatchReport
    /// An epoch finished and was saved: its metrics.csv row.
    | Epoch of EpochRow
    /// A line of the run log (unit started, skipped, failed; hook messages).
    | Message of string

/// How to run; `RunOptions.defaults` holds the defaults, change them with `{ RunOptions.defaults with ... }`.
/// Nothing is read from hidden global state beyond what the C# RunSettings document.
type RunOptions =
    { /// The run directory; None: runs/NAME/STAMP-HASH. An existing run of the same spec there is resumed.
      OutDir: string option
      /// libtorch threads per unit; None: chosen for the cores this process may use.
      Threads: int option
      /// Units (model x seed) trained side by side; None: as many as there are cores.
      Jobs: int option
      /// Draw the figures and write the report after training.
      Figures: bool
      /// Convolutions channels-last (faster on CPU) or NCHW; None: the default ($CNNEXP_LAYOUT, else channels-last).
      ChannelsLast: bool option
      /// bf16 emulated (fp32 arithmetic on bf16-rounded values) or in libtorch's bf16 kernels; None: $CNNEXP_BF16, else emulated on a CPU without bf16 instructions.
      EmulateBf16: bool option
      /// Called for every batch, epoch and log line, on the training thread(s): keep it quick.
      OnProgress: Progress -> unit
      /// Metrics and callbacks in F#, run after the spec's own `hooks:` scripts.
      Hooks: Hook list
      /// False refuses specs that name scripts: hooks are code that runs with your rights.
      AllowHooks: bool
      /// Train only the units (model, seed) this accepts; None: all (and then figures are drawn).
      Only: (string -> int -> bool) option }

[<RequireQualifiedAccess>]
module RunOptions =
    let defaults =
        { OutDir = None; Threads = None; Jobs = None; Figures = true; ChannelsLast = None; EmulateBf16 = None
          OnProgress = ignore; Hooks = []; AllowHooks = true; Only = None }

    let private report (p: TrainingProgress) =
        match p.Kind with
        | TrainingProgressKind.Batch ->
            Some(Batch { Model = p.Model; Seed = p.Seed; Epoch = p.Epoch; Epochs = p.Epochs; Batch = p.Batch; Batches = p.Batches
                         Loss = p.Loss; ImagesPerSecond = p.ImagesPerSecond })
        | TrainingProgressKind.Epoch -> p.Metrics |> Option.ofObj |> Option.map (Run.row >> Epoch)
        | _ -> p.Message |> Option.ofObj |> Option.map Message

    /// The C# progress sink: each report mapped to a Progress case and handed to the function.
    let internal progress (options: RunOptions) =
        { new IProgress<TrainingProgress> with
            member _.Report p = report p |> Option.iter options.OnProgress }

    let internal settings (options: RunOptions) =
        RunSettings(
            OutDir = Option.toObj options.OutDir,
            Threads = Option.defaultValue 0 options.Threads,
            Jobs = Option.toNullable options.Jobs,
            Figures = options.Figures,
            ChannelsLast = Option.toNullable options.ChannelsLast,
            EmulateBf16 = Option.toNullable options.EmulateBf16,
            AllowHooks = options.AllowHooks,
            Hooks = (if options.Hooks.IsEmpty then [||] else [| Hook.toHookSet "F# hooks" options.Hooks |]),
            Only = (options.Only |> Option.map (fun f -> Func<string, int, bool> f) |> Option.toObj))
