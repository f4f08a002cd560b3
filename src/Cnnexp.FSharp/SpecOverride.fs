namespace Cnnexp.FSharp

open System
open System.Collections.Generic
open Cnnexp
open Cnnexp.Spec.Binding
open Cnnexp.Spec.Model
open Cnnexp.Spec.Yaml

/// `Spec.set KEY VALUE` on a spec already loaded: what `--set KEY=VALUE` does to a file, applied to
/// the records. KEY is a dotted path of YAML keys (`train.optimizer.lr`, `models.wide.train.epochs`);
/// `models.M.layers.LAYER.FIELD` becomes a `set:` edit of model M, checked when planned. VALUE is
/// YAML and is bound by the loader's own binder, so it is type- and range-checked like the file.
/// Diagnostics point into the pseudo-file `--set`, whose one line is `--set KEY=VALUE`.
module internal SpecOverride =
    type private DiagnosticBag = Cnnexp.Spec.Diagnostics.DiagnosticBag
    type private SourceSpan = Cnnexp.Spec.Diagnostics.SourceSpan

    type private Segment = { Name: string; Where: SourceSpan }

    let private prefix = "--set "

    let private segments (key: string) =
        let names = key.Split '.'
        let starts = names |> Array.scan (fun at (n: string) -> at + n.Length + 1) prefix.Length
        [ for i in 0 .. names.Length - 1 -> { Name = names[i]; Where = SourceSpan(Overrides.File, 1, starts[i] + 1) } ]

    let private keysOf (node: SpecNode) = SpecFields.Of(node.GetType()) |> Seq.map _.Key |> Array.ofSeq

    let private modelEdit (m: ModelSpec) (layer: Segment) (field: Segment) (value: YNode) =
        let edit = FieldEdit(FieldPath(LayerRef(layer.Name, layer.Where), field.Name, field.Where), value)
        let edits = List<FieldEdit>(match m.Set with null -> Seq.empty | s -> s)
        edits.Add edit
        Fields.withProperty "Set" (edits :> IReadOnlyList<FieldEdit>) m

    /// A section that is not written yet starts empty, except a model's `train`, which starts as the experiment's.
    let private emptySection (spec: ExperimentSpec) (owner: SpecNode) (f: SpecField) : SpecNode option =
        if owner :? ModelSpec && f.Key = "train" then Some(spec.Train :> SpecNode)
        elif typeof<SpecNode>.IsAssignableFrom f.Property.PropertyType && not f.Property.PropertyType.IsAbstract then
            match Activator.CreateInstance f.Property.PropertyType with
            | :? SpecNode as n -> Some n
            | _ -> None
        else None

    let rec private walk (spec: ExperimentSpec) (bag: DiagnosticBag) (value: YNode) (path: string) (node: SpecNode) (segs: Segment list) : SpecNode option =
        match segs, node with
        | [], _ -> Some node
        | { Name = "models" } :: model :: (_ :: _ as rest), (:? ExperimentSpec as s) ->
            match s.Models |> Seq.tryFind (fun m -> m.Name = model.Name) with
            | Some m ->
                walk spec bag value $"models.{model.Name}" m rest
                |> Option.map (fun m -> SpecEdits.WithModel(s, m :?> ModelSpec) :> SpecNode)
            | None ->
                bag.Error("unknown-model", $"`{prefix}{path}` names model `{model.Name}`, which is not defined", model.Where,
                          Suggest.DidYouMean(model.Name, s.Models |> Seq.map _.Name |> Array.ofSeq))
                None
        | [ { Name = "layers" }; layer; field ], (:? ModelSpec as m) -> Some(modelEdit m layer field value :> SpecNode)
        | seg :: rest, _ ->
            let path = if path = "" then seg.Name else $"{path}.{seg.Name}"
            match Fields.tryField seg.Name node with
            | None ->
                bag.Error("unknown-key", $"unknown key `{path}`", seg.Where, Suggest.DidYouMean(seg.Name, keysOf node))
                None
            | Some f when rest.IsEmpty ->
                Fields.bind f value path bag
                |> Option.map (fun v -> Fields.withProperty f.Property.Name v node |> Fields.withSpan f.Key value.Where)
            | Some f ->
                let child =
                    match f.Property.GetValue node with
                    | null -> emptySection spec node f
                    | :? SpecNode as c -> Some c
                    | _ -> None
                match child with
                | Some c -> walk spec bag value path c rest |> Option.map (fun c -> Fields.withProperty f.Property.Name c node)
                | None ->
                    bag.Error("bad-set", $"`{path}` is a value, not a section with keys", seg.Where, $"set it whole: `{prefix}{path}=...`")
                    None

    /// The spec with KEY set to VALUE, or every diagnostic (formatted with the `--set` line).
    let apply (key: string) (value: string) (spec: ExperimentSpec) : Result<ExperimentSpec, Cnnexp.FSharp.Diagnostic list> =
        let line = $"{prefix}{key}={value}"
        let sources = Dictionary<string, string>(dict [ Overrides.File, line ]) :> IReadOnlyDictionary<string, string>
        let bag = DiagnosticBag()
        let segs = segments key
        if segs |> List.exists (fun s -> s.Name = "") then
            bag.Error("bad-set", $"`{line}` has an empty key segment", SourceSpan(Overrides.File, 1, 1), "separate keys with single dots: `train.optimizer.lr`")
        let result =
            if bag.HasErrors then None
            else
                Fields.readValue Overrides.File (prefix.Length + key.Length + 1) value bag
                |> Option.bind (fun v -> walk spec bag v "" spec segs)
        match result with
        | Some s when not bag.HasErrors -> Ok(s :?> ExperimentSpec)
        | _ -> Error(Diagnostic.ofList sources bag.Items)
