namespace Cnnexp.FSharp

open System
open System.Collections.Generic
open System.Globalization
open Cnnexp.Spec.Binding
open Cnnexp.Spec.Diagnostics
open Cnnexp.Spec.Model
open Cnnexp.Spec.Yaml

/// Copies of spec records with one declared field changed. The fields, their YAML keys and their
/// limits are declared once, on the C# records ([Field]); this reads them from there, so a layer's
/// settings are not declared a second time here.
module internal Fields =
    /// A copy of a C# record (its compiler-made `<Clone>$`, what `with { }` calls).
    let clone (node: 'T) : 'T =
        match node.GetType().GetMethod("<Clone>$") with
        | null -> invalidOp $"{node.GetType().Name} is not a record"
        | m -> m.Invoke(node, [||]) :?> 'T

    /// A copy with the init-only property set (reflection, as Cnnexp.Spec's FieldSetter does).
    let withProperty (name: string) (value: objnull) (node: 'T) : 'T =
        let copy = clone node
        match copy.GetType().GetProperty name with
        | null -> invalidOp $"{copy.GetType().Name} has no property {name}"
        | p -> p.SetValue(copy, value)
        copy

    /// The YAML key of a layer or transform, e.g. `conv2d`.
    let kindOf (node: SpecNode) =
        KindRegistry<SpecNode>.NameOf(node.GetType())

    let tryField (key: string) (node: SpecNode) =
        SpecFields.Of(node.GetType()) |> Seq.tryFind (fun f -> f.Key = key)

    /// The declared field `key` of `node`, or ArgumentException listing the ones it has.
    let field (key: string) (node: SpecNode) =
        match tryField key node with
        | Some f -> f
        | None ->
            let keys = SpecFields.Of(node.GetType()) |> Seq.map _.Key |> List.ofSeq
            let has = if keys.IsEmpty then "no settings" else "only " + String.Join(", ", keys |> List.map (sprintf "`%s`"))
            invalidArg key $"{kindOf node} has no `{key}`: it has {has}"

    /// Checks a number against the field's declared range, naming the key (as SpecEdits does).
    let checkRange (f: SpecField) (value: float) =
        let a = f.Attribute
        if not (Double.IsNaN a.Min) && value < a.Min || not (Double.IsNaN a.Max) && value > a.Max then
            let range = if Double.IsNaN a.Max then $"at least {a.Min}" else $"within [{a.Min}, {a.Max}]"
            raise (ArgumentOutOfRangeException(f.Key, String.Format(CultureInfo.InvariantCulture, "`{0}` must be {1}, not {2}", f.Key, range, value)))

    /// `n` as the field's type: a number, a square `IntPair` or a `Padding` of that size.
    let ofInt (f: SpecField) (n: int) : objnull =
        checkRange f (float n)
        let t = f.Property.PropertyType
        let t = match Nullable.GetUnderlyingType t with null -> t | u -> u
        if t = typeof<int> then box n
        elif t = typeof<IntPair> then box (IntPair.Square n)
        elif t = typeof<Padding> then box (Padding.Of n)
        elif t = typeof<float> then box (float n)
        else invalidArg f.Key $"`{f.Key}` is not a size (it is {t.Name})"

    /// A copy of `node` with its field `key` set from the whole number `n`.
    let setInt (key: string) (n: int) (node: 'T when 'T :> SpecNode) : 'T =
        let f = field key node
        withProperty f.Property.Name (ofInt f n) node

    /// A copy of `node` with field `key` set to `value` (already of the field's type).
    let setValue (key: string) (value: objnull) (node: 'T when 'T :> SpecNode) : 'T =
        let f = field key node
        match value with
        | :? float as v -> checkRange f v
        | _ -> ()
        withProperty f.Property.Name value node

    /// A copy of `node` whose `KeySpans` say `key` was written at `where`, so later errors point there.
    let withSpan (key: string) (where: SourceSpan) (node: 'T when 'T :> SpecNode) : 'T =
        let spans = Dictionary<string, SourceSpan>(node.KeySpans)
        spans[key] <- where
        withProperty "KeySpans" (spans :> IReadOnlyDictionary<string, SourceSpan>) node

    /// Binds a YAML value to field `f` exactly as the loader would (same binder, same limits), or None with diagnostics.
    let bind (f: SpecField) (value: YNode) (path: string) (bag: DiagnosticBag) : objnull option =
        let before = bag.Items.Count
        let bound = Cnnexp.Spec.SpecLoader.NewBinder(bag).BindValue(f.Property.PropertyType, value, path, f.Attribute)
        if bag.Items.Count > before then None else Some bound

    /// Reads a one-line YAML value that starts `column` characters into its source line, so its
    /// positions (and the carets of its errors) match that line. Blank text is an empty scalar.
    let readValue (file: string) (column: int) (text: string) (bag: DiagnosticBag) : YNode option =
        if String.IsNullOrWhiteSpace text then Some(YScalar("", false, SourceSpan(file, 1, column + 1)))
        else YamlReader.Read(String(' ', column) + text, file, bag) |> Option.ofObj
