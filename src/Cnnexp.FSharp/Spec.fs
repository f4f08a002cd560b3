namespace Cnnexp.FSharp

open System.Collections.Generic
open Cnnexp
open Cnnexp.Spec.Model

/// An experiment as its YAML declares it: an immutable record (Cnnexp.Spec.Model.ExperimentSpec).
type Spec = ExperimentSpec

/// Loading and changing specs. Loading returns `Result` with every diagnostic instead of throwing.
/// The changes take the spec last, so they chain with `|>`, and each returns a new spec: the
/// original is untouched. A change that names a model the spec lacks, or a value outside the range
/// its YAML key allows, throws ArgumentException naming the key; shapes are checked by
/// `Experiment.plan`, as for any spec.
[<RequireQualifiedAccess>]
module Spec =
    let private ofLoad (r: Cnnexp.Spec.LoadResult) : Result<Spec, Diagnostic list> =
        match r.Spec with
        | NonNull spec when r.Ok -> Ok spec
        | _ -> Error(Diagnostic.ofList r.Sources r.AllDiagnostics)

    /// Reads and validates a spec file (a missing file is a diagnostic too).
    let load (path: string) = Experiment.Load(path) |> ofLoad

    /// Reads and validates spec text; diagnostics name it `<spec>`.
    let parse (yaml: string) = Experiment.Parse(yaml) |> ofLoad

    /// Reads and validates spec text; diagnostics name it `file`.
    let parseAs (file: string) (yaml: string) = Experiment.Parse(yaml, file) |> ofLoad

    /// Sets any key as `--set KEY=VALUE` would: `Spec.trySet "train.optimizer.lr" "0.01"`.
    /// VALUE is YAML (`2`, `[0, 1, 2]`, `{ type: sgd, lr: 0.1 }`); `models.M.layers.LAYER.FIELD`
    /// becomes a `set:` edit of model M. A model with its own `train` keeps it: set
    /// `models.M.train.KEY` to change that model's.
    let trySet (key: string) (value: string) (spec: Spec) : Result<Spec, Diagnostic list> = SpecOverride.apply key value spec

    /// `trySet`, throwing InvalidSpecException (with the diagnostics) on an unknown key or a mistyped value.
    let set (key: string) (value: string) (spec: Spec) : Spec =
        match trySet key value spec with
        | Ok s -> s
        | Error ds -> raise (InvalidSpecException ds)

    let name (name: string) (spec: Spec) = SpecEdits.WithName(spec, name)
    let epochs (n: int) (spec: Spec) = SpecEdits.WithEpochs(spec, n)

    /// Every model trains once per seed, with the same data order (a paired design).
    let seeds (seeds: int list) (spec: Spec) = SpecEdits.WithSeeds(spec, List<int>(seeds))

    /// The learning rate of every model that has no `train` of its own.
    let learningRate (lr: float) (spec: Spec) = SpecEdits.WithLearningRate(spec, lr)

    /// The learning rate of one model (which then gets its own `train`).
    let learningRateOf (model: string) (lr: float) (spec: Spec) = SpecEdits.WithLearningRate(spec, lr, model)

    let batchSize (n: int) (spec: Spec) = SpecEdits.WithBatchSize(spec, n)

    /// Only the first N examples of each split; None: all.
    let dataLimit (limit: int option) (spec: Spec) = SpecEdits.WithDataLimit(spec, Option.toNullable limit)

    /// Script files with callbacks, metrics and figures (relative to the spec's folder).
    let hooks (paths: string list) (spec: Spec) = SpecEdits.WithHooks(spec, List<string>(paths))

    /// The names of the models, in order.
    let models (spec: Spec) = spec.Models |> Seq.map _.Name |> List.ofSeq

    /// The layers MODEL trains with, following `extends` (edits such as `set:` are applied when planned).
    let layers (model: string) (spec: Spec) : Layer list = SpecEdits.LayersOf(spec, model) |> List.ofSeq

    /// A new model NAME that starts as a copy of FROM (`extends: FROM`): `Spec.derive "deeper" "standard"`.
    let derive (name: string) (from: string) (spec: Spec) = SpecEdits.DeriveModel(spec, name, from)

    /// Inserts LAYER before position INDEX of MODEL's layers (0: first; the count: last; -1: before the last).
    let insert (model: string) (index: int) (layer: Layer) (spec: Spec) = SpecEdits.InsertLayer(spec, model, index, layer)

    /// Removes the layer at INDEX of MODEL (negative counts from the end).
    let remove (model: string) (index: int) (spec: Spec) = SpecEdits.RemoveLayer(spec, model, index)

    /// MODEL's input transforms (`[]`: none): `Spec.input "sumfirst" [ Transform.channelSum ]`.
    let input (model: string) (transforms: Transform list) (spec: Spec) = SpecEdits.WithInput(spec, model, List<Transform>(transforms))

    /// The spec without MODEL.
    let without (model: string) (spec: Spec) = SpecEdits.WithoutModel(spec, model)
