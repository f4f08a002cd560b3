using System.Text;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using FsDiagnostic = Cnnexp.FSharp.Diagnostic;

namespace Cnnexp.Interactive;

/// <summary>
/// Registers the notebook views of cnnexp's values with .NET Interactive (C# and F# kernels): specs, load and
/// plan results as layer tables, diagnostics with their carets, runs as results tables with verdicts and
/// figures, <see cref="FigureView"/> and <see cref="LiveRun"/>. <c>#r "nuget: Cnnexp.Interactive"</c> calls
/// <see cref="Register"/> itself (the package's kernel extension); calling it again does nothing.
/// </summary>
public static class Formatters
{
    const string HtmlMime = "text/html";
    static readonly object Gate = new();
    static bool registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            RegisterAll();
            registered = true;
        }
    }

    static void RegisterAll()
    {
        Add<LoadResult>(Load);
        Add<ExperimentSpec>(Spec);
        Add<PlanResult>(Plan);
        Add<ExperimentPlan>(p => PlanView.Render(p));
        Add<RunResult>(Run);
        Add<FinishedRun>(r => RunView.Render(r.Dir));
        Add<FigureView>(f => f.Page());
        Add<LiveRun>(l => l.Html());
        Add<FSharp.Plan>(FsPlan);
        Add<FSharp.Run>(r => RunView.Render(r.Dir, r.Figures, [.. r.Failures]));
        Add<FsDiagnostic>(d => DiagnosticsView.Page(d.Text, FSharp.DiagnosticModule.isError(d)));
        Add<FSharpList<FsDiagnostic>>(FsDiagnostics);
        AddResult<ExperimentSpec>(Spec);
        AddResult<FSharp.Plan>(FsPlan);
        AddResult<FSharp.Run>(r => RunView.Render(r.Dir, r.Figures, [.. r.Failures]));
    }

    static void Add<T>(Func<T, string> html)
    {
        Formatter.Register<T>((value, context) =>
        {
            context.Writer.Write(html(value));
            return true;
        }, HtmlMime);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlMime);
    }

    /// <summary>What the F# modules return (<c>Result&lt;T, Diagnostic list&gt;</c>): the value's view, or the diagnostics.</summary>
    static void AddResult<T>(Func<T, string> ok) =>
        Add<FSharpResult<T, FSharpList<FsDiagnostic>>>(r => r.IsOk ? ok(r.ResultValue) : FsDiagnostics(r.ErrorValue));

    /// <summary>A loaded spec is shown as its plan, quoting the loaded text when planning finds an error in it.</summary>
    static string Load(LoadResult load) =>
        load.Ok ? Plan(Experiment.Plan(load.Spec!, load.Sources)) : DiagnosticsView.Page(load.FormatDiagnostics(), errors: true);

    /// <summary>A spec is shown as its plan: planning is arithmetic (and a cached hook compile), never training.</summary>
    static string Spec(ExperimentSpec spec) => Plan(Experiment.Plan(spec));

    static string Plan(PlanResult plan) => plan.Ok
        ? PlanView.Render(plan.Plan!, DiagnosticsView.Render([.. plan.Diagnostics.Where(d => !d.IsError)], plan.Sources))
        : DiagnosticsView.Page(plan.FormatDiagnostics(), errors: true);

    static string Run(RunResult run) => run.Summary is null
        ? DiagnosticsView.Page(run.FormatDiagnostics(), errors: true)
        : RunView.Render(run.OutDir, run.Figures, run.Failures);

    static string FsPlan(FSharp.Plan plan) =>
        PlanView.Render(plan.Resolved, plan.Warnings.IsEmpty ? "" : DiagnosticsView.Block(FSharp.DiagnosticModule.format(plan.Warnings), errors: false));

    static string FsDiagnostics(FSharpList<FsDiagnostic> ds) =>
        DiagnosticsView.Page(FSharp.DiagnosticModule.format(ds), ds.Any(FSharp.DiagnosticModule.isError));
}
