namespace Cnnexp.FSharp

open System.Collections.Generic
open System.IO

/// How bad a diagnostic is. Qualified (`Severity.Error`), so it never hides `Result.Error`.
[<RequireQualifiedAccess>]
type Severity =
    | Error
    | Warning

/// A place in a file; line and column are 1-based.
type Location =
    { File: string
      Line: int
      Column: int }

    override this.ToString() = $"{this.File}:{this.Line}:{this.Column}"

/// One problem in a spec, a hook script or an override: where, what, and how to fix it.
/// `Text` is the diagnostic as a compiler prints it (`file:line:col: error: …`, the line, a caret,
/// the hint), made while the source text was at hand; fsi and notebooks show that text.
[<StructuredFormatDisplay("{Text}")>]
type Diagnostic =
    { Severity: Severity
      /// A stable identifier such as `unknown-key`.
      Code: string
      Message: string
      Location: Location option
      Hint: string option
      Text: string }

    override this.ToString() = this.Text

/// A spec change that cannot be made (`Spec.set` with an unknown key or a mistyped value).
exception InvalidSpecException of Diagnostic list with
    override this.Message = this.Data0 |> List.map _.Text |> String.concat "\n\n"

[<RequireQualifiedAccess>]
module Diagnostic =
    type private CDiagnostic = Cnnexp.Spec.Diagnostics.Diagnostic

    /// The texts given, plus any file on disk a diagnostic points into (as the C# facade quotes them).
    let private complete (ds: CDiagnostic seq) (sources: IReadOnlyDictionary<string, string>) =
        let all = Dictionary<string, string>(sources)
        for d in ds do
            match d.Where with
            | null -> ()
            | where when not (all.ContainsKey where.File) && File.Exists where.File -> all[where.File] <- File.ReadAllText where.File
            | _ -> ()
        all :> IReadOnlyDictionary<string, string>

    let private ofCSharp (sources: IReadOnlyDictionary<string, string>) (d: CDiagnostic) =
        { Severity = if d.IsError then Severity.Error else Severity.Warning
          Code = d.Code
          Message = d.Message
          Location = d.Where |> Option.ofObj |> Option.map (fun w -> { File = w.File; Line = w.Line; Column = w.Column })
          Hint = Option.ofObj d.Hint
          Text = Cnnexp.Spec.Diagnostics.DiagnosticFormatter.Format(d, sources) }

    /// The C# diagnostics as F# records, each formatted with the line it points at.
    let internal ofList (sources: IReadOnlyDictionary<string, string>) (ds: CDiagnostic seq) : Diagnostic list =
        let sources = complete ds sources
        ds |> Seq.map (ofCSharp sources) |> List.ofSeq

    let isError (d: Diagnostic) = d.Severity = Severity.Error

    /// Every diagnostic as a compiler prints them, then a count: "2 errors, 1 warning".
    let format (ds: Diagnostic list) =
        let errors = ds |> List.filter isError |> List.length
        let warnings = ds.Length - errors
        let count = if errors = 1 then "1 error" else $"{errors} errors"
        let count = if warnings = 0 then count elif warnings = 1 then count + ", 1 warning" else $"{count}, {warnings} warnings"
        (ds |> List.map (fun d -> d.Text + "\n\n") |> String.concat "") + count
