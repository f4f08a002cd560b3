using Cnnexp.Fuzz.Targets;
using SharpFuzz;

// Cnnexp.Fuzz TARGET           under afl-fuzz: the target in a persistent loop, in a child process
//                              (a stack overflow must be reported as a crash, not kill the fork server).
// Cnnexp.Fuzz TARGET FILE...   runs each file once and prints the outcome, e.g. to see a crash's stack.
// Cnnexp.Fuzz --seeds DIR      writes the starting corpus of the data and tar targets into DIR/data, DIR/tar.
if (args.Length == 0)
{
    Console.Error.WriteLine($"usage: Cnnexp.Fuzz TARGET [FILE...]; TARGET is one of {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}
if (args is ["--seeds", var corpus])
{
    Cnnexp.Fuzz.Seeds.Write(corpus);
    return 0;
}
var run = FuzzTargets.Get(args[0]);
if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        run(buffer.ToArray());
    });
    return 0;
}
int failed = 0;
foreach (var file in args[1..])
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        run(File.ReadAllBytes(file));
        Console.WriteLine($"ok    {clock.ElapsedMilliseconds,6} ms  {file}");
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"FAIL  {clock.ElapsedMilliseconds,6} ms  {file}\n{e}");
    }
}
return failed == 0 ? 0 : 1;
