namespace Cnnexp.FSharp

open Cnnexp.Spec.Planning

/// A layer with its resolved name and computed shapes. Shapes are per example, batch left out:
/// `[ C; H; W ]` for images, `[ F ]` for features.
type LayerPlan =
    { Name: string
      Kind: string
      Input: int list
      Output: int list
      Parameters: int64
      Macs: int64
      /// A residual's body, planned; empty for other layers.
      Body: LayerPlan list
      /// A residual's 1x1 projection on the skip path, when its body changes the shape.
      Shortcut: LayerPlan option }

type TransformPlan = { Kind: string; Input: int list; Output: int list }

/// One model with every default resolved and every shape computed: what the engine builds.
type ModelPlan =
    { Name: string
      /// The image shape the data set delivers, before the input transforms.
      Input: int list
      Transforms: TransformPlan list
      Layers: LayerPlan list
      Output: int list
      Parameters: int64
      Macs: int64 }

/// The whole experiment resolved: every model's layers and shapes, the plan's warnings, and the
/// same as a text table (`Text`, what `cnnexp inspect` prints; also what fsi and notebooks show).
[<StructuredFormatDisplay("{Text}")>]
type Plan =
    { Name: string
      Dataset: string
      Classes: string list
      Models: ModelPlan list
      Warnings: Diagnostic list
      Text: string
      /// The C# plan, for the rest of the Cnnexp API.
      Resolved: ExperimentPlan }

    override this.ToString() = this.Text

[<RequireQualifiedAccess>]
module Plan =
    let private dims (s: Shape) = List.ofSeq s.Dims

    let rec private ofLayer (l: PlannedLayer) : LayerPlan =
        { Name = l.Name
          Kind = l.Spec.Kind
          Input = dims l.Input
          Output = dims l.Output
          Parameters = l.Parameters
          Macs = l.Macs
          Body = l.Body |> Seq.map ofLayer |> List.ofSeq
          Shortcut = l.Shortcut |> Option.ofObj |> Option.map ofLayer }

    let private ofModel (m: Cnnexp.Spec.Planning.ModelPlan) : ModelPlan =
        { Name = m.Name
          Input = dims m.Input
          Transforms = [ for t in m.Transforms -> { Kind = t.Spec.Kind; Input = dims t.Input; Output = dims t.Output } ]
          Layers = m.Layers |> Seq.map ofLayer |> List.ofSeq
          Output = dims m.Output
          Parameters = m.Parameters
          Macs = m.Macs }

    let internal ofCSharp (plan: ExperimentPlan) (warnings: Diagnostic list) : Plan =
        { Name = plan.Spec.Name
          Dataset = plan.Dataset.Name
          Classes = List.ofSeq plan.Dataset.Classes
          Models = plan.Models |> Seq.map ofModel |> List.ofSeq
          Warnings = warnings
          Text = Cnnexp.Experiment.Inspect plan
          Resolved = plan }

    /// The plan of MODEL; KeyNotFoundException naming the models there are.
    let model (name: string) (plan: Plan) =
        match plan.Models |> List.tryFind (fun m -> m.Name = name) with
        | Some m -> m
        | None ->
            let names = plan.Models |> List.map _.Name |> String.concat ", "
            raise (System.Collections.Generic.KeyNotFoundException $"no model `{name}` in the plan; models: {names}")

    let tryModel (name: string) (plan: Plan) = plan.Models |> List.tryFind (fun m -> m.Name = name)

    /// The layer named NAME of a model plan (searching residual bodies too), if any.
    let tryLayer (name: string) (model: ModelPlan) =
        let rec all (ls: LayerPlan list) = ls |> List.collect (fun l -> l :: all l.Body @ Option.toList l.Shortcut)
        all model.Layers |> List.tryFind (fun l -> l.Name = name)
