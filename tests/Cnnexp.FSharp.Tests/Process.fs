/// Helpers: temporary folders, the repository root, and running a program to completion.
module Cnnexp.FSharp.Tests.Process

open System
open System.Diagnostics
open System.IO
open Xunit

// Tests train and pack: run this assembly's tests one at a time.
[<assembly: CollectionBehavior(DisableTestParallelization = true)>]
do ()

/// A fresh scratch folder, deleted when disposed: `use tmp = new TempFolder()`.
type TempFolder() =
    let dir = Cnnexp.TestSupport.Scratch.NewDir()
    member _.Path = dir
    interface IDisposable with
        member _.Dispose() = Cnnexp.TestSupport.Scratch.Delete dir

let repoRoot = Cnnexp.TestSupport.Repo.Root

/// Runs a program in a folder; returns its output, failing the test (with the output) on a non-zero exit.
let run (file: string) (args: string list) (workDir: string) (env: (string * string) list) =
    let info = ProcessStartInfo(file, WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true)
    for a in args do info.ArgumentList.Add a
    for (k, v) in env do info.Environment[k] <- v
    use p = Process.Start info
    let stdout = p.StandardOutput.ReadToEndAsync()
    let stderr = p.StandardError.ReadToEndAsync()
    Assert.True(p.WaitForExit(TimeSpan.FromMinutes 15.0), sprintf "%s %s timed out" file (String.Join(" ", args)))
    let all = stdout.Result + stderr.Result
    Assert.True((p.ExitCode = 0), sprintf "%s %s exited %d:\n%s" file (String.Join(" ", args)) p.ExitCode all)
    stdout.Result
