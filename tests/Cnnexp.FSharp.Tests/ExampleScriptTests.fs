/// examples/fsharp/sumfirst.fsx, run as its comment says: `dotnet fsi` against packages packed from this tree
/// (Cnnexp.FSharp, which packs Cnnexp.Api and the libraries beneath it).
module Cnnexp.FSharp.Tests.ExampleScriptTests

open System
open System.IO
open Xunit
open Cnnexp.FSharp.Tests.Process

[<Fact>]
let ``examples/fsharp/sumfirst.fsx runs with dotnet fsi against the locally packed Cnnexp.FSharp`` () =
    use tmp = new TempFolder()
    let work = tmp.Path
    // A version of its own: the NuGet cache never serves an older build of the same number.
    let version = $"0.4.0-fsx.{DateTime.UtcNow:yyyyMMddHHmmss}"
    let example = Path.Combine(work, "examples", "fsharp")
    Directory.CreateDirectory example |> ignore
    Directory.CreateDirectory(Path.Combine(work, "experiments")) |> ignore
    // Its own configuration name keeps this build out of the way of other tests that pack Release.
    run "dotnet" [ "pack"; Path.Combine(repoRoot, "src", "Cnnexp.FSharp"); "-c"; "FsxTest"; "-o"; Path.Combine(work, "artifacts"); $"-p:Version={version}" ] repoRoot []
        |> ignore
    let script = File.ReadAllText(Path.Combine(repoRoot, "examples", "fsharp", "sumfirst.fsx"))
    Assert.Contains("#r \"nuget: Cnnexp.FSharp, 0.4.0\"", script)                  // the line docs/fsharp.md documents
    File.WriteAllText(Path.Combine(example, "sumfirst.fsx"), script.Replace("Cnnexp.FSharp, 0.4.0", $"Cnnexp.FSharp, {version}"))
    File.Copy(Path.Combine(repoRoot, "examples", "fsharp", "nuget.config"), Path.Combine(example, "nuget.config"))
    File.Copy(Path.Combine(repoRoot, "experiments", "quickstart.yaml"), Path.Combine(work, "experiments", "quickstart.yaml"))
    let packages =
        match Environment.GetEnvironmentVariable "NUGET_PACKAGES" with
        | null | "" -> Path.Combine(Environment.GetFolderPath Environment.SpecialFolder.UserProfile, ".nuget", "packages")
        | p -> p
    try
        let output = run "dotnet" [ "fsi"; Path.Combine("examples", "fsharp", "sumfirst.fsx") ] work [ "CNNEXP_THREADS", "1" ]
        Assert.Contains("conv3          conv2d       16x32x32   16x32x32", output)     // the inserted layer, inspected
        Assert.Contains("deeper    seed 0 epoch 3: test accuracy", output)
        Assert.Contains("top-2", output)
        Assert.Contains("run directory: runs/quickstart/", output)
        Assert.Contains("standard - sumfirst:", output)
    finally
        for dir in Directory.GetDirectories(packages, "cnnexp.*") do                    // leave the shared cache as it was
            let v = Path.Combine(dir, version.ToLowerInvariant())
            if Directory.Exists v then Directory.Delete(v, true)
            if Directory.GetFileSystemEntries(dir).Length = 0 then Directory.Delete dir
