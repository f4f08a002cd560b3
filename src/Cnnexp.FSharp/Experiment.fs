namespace Cnnexp.FSharp

open System.Collections.Generic
open Cnnexp.Results

/// Plan and run specs: `Experiment.plan spec`, `let! run = Experiment.run spec`.
[<RequireQualifiedAccess>]
module Experiment =
    type private CExperiment = Cnnexp.Experiment


    /// Resolves variants and computes every shape (compiling the spec's hook scripts, whose errors
    /// are diagnostics too). Ok carries the plan and its warnings; Error every diagnostic.
    let plan (spec: Spec) : Result<Plan, Diagnostic list> =
        let r = CExperiment.Plan spec
        let diagnostics = Diagnostic.ofList r.Sources r.Diagnostics
        match r.Plan with
        | NonNull plan when r.Ok -> Ok(Plan.ofCSharp plan diagnostics)
        | _ -> Error diagnostics

    /// Plans and trains every model for every seed, writes the run directory, draws the figures
    /// and writes the report. Cancelling the async (Async.CancellationToken) stops after the current
    /// batch; finished epochs are kept, and running again into the same directory resumes. A spec
    /// that does not plan gives Error with its diagnostics, and nothing is trained.
    let runWith (options: RunOptions) (spec: Spec) : Async<Result<Run, Diagnostic list>> =
        async {
            let! cancel = Async.CancellationToken
            let! r =
                CExperiment.RunAsync(spec, RunOptions.settings options, RunOptions.progress options, cancel)
                |> Async.AwaitTask
            match r.Summary with
            | NonNull summary -> return Ok(Run.run r.OutDir summary r.Metrics r.Figures r.Failures)
            | _ -> return Error(Diagnostic.ofList r.Sources r.Diagnostics)
        }

    /// `runWith RunOptions.defaults`.
    let run (spec: Spec) = runWith RunOptions.defaults spec

    /// A finished run directory read back (summary.json, metrics.csv, figures/). Throws
    /// FileNotFoundException when DIR holds no summary.json.
    let read (dir: string) : Run =
        let r = FinishedRun.Read dir
        let figures = System.IO.Path.Combine(dir, "figures")
        let files =
            if System.IO.Directory.Exists figures then System.IO.Directory.GetFiles figures |> Array.sort |> List.ofArray else []
        Run.run dir r.Summary r.Metrics files []
