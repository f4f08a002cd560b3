using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace Cnnexp.Interactive;

/// <summary>
/// A display that is replaced in place. Inside a .NET Interactive kernel it publishes the kernel's own display events
/// under an id of its own: dotnet-interactive 1.0.712001's <c>Display()</c> and <c>DisplayedValue.Update</c> leave that
/// id unset, and its Jupyter bridge then gives every message a new display id, so Jupyter front ends (JupyterLab,
/// nbconvert) never matched an update to its display. The kernel is found by name, through reflection, so this package
/// needs no reference to it; outside a kernel (or should its API change) Formatting's <see cref="DisplayedValue"/> is used.
/// </summary>
sealed class LiveDisplay
{
    const string Kernel = "Microsoft.DotNet.Interactive";
    readonly object? context, command;
    readonly Type? produced, updated;
    readonly MethodInfo? publish;
    readonly string id = "cnnexp-" + Guid.NewGuid().ToString("n");
    readonly DisplayedValue? fallback;
    readonly object gate = new();

    LiveDisplay(object value)
    {
        var invocation = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == Kernel)
            .Select(a => a.GetType($"{Kernel}.KernelInvocationContext")).FirstOrDefault(t => t is not null);
        context = invocation?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        command = context?.GetType().GetProperty("Command")?.GetValue(context);
        produced = invocation?.Assembly.GetType($"{Kernel}.Events.DisplayedValueProduced");
        updated = invocation?.Assembly.GetType($"{Kernel}.Events.DisplayedValueUpdated");
        publish = context?.GetType().GetMethods().FirstOrDefault(m => m.Name == "Publish" && m.GetParameters().Length == 1);
        if (command is null || produced is null || updated is null || publish is null || !TryPublish(produced, [value, command, Formatted(value), id]))
            fallback = value.Display(HtmlFormatter.MimeType);
    }

    /// <summary>Shows <paramref name="value"/> in the current cell.</summary>
    public static LiveDisplay Show(object value) => new(value);

    /// <summary>Replaces what the display shows with <paramref name="value"/>, formatted again; safe from any thread.</summary>
    public void Update(object value)
    {
        lock (gate)
        {
            if (fallback is not null) fallback.Update(value);
            else TryPublish(updated!, [value, id, command!, Formatted(value)]);
        }
    }

    static IReadOnlyCollection<FormattedValue> Formatted(object value) => FormattedValue.CreateManyFromObject(value, HtmlFormatter.MimeType);

    bool TryPublish(Type kind, object[] arguments)
    {
        try
        {
            publish!.Invoke(context, [Activator.CreateInstance(kind, arguments)]);
            return true;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or ArgumentException)
        {
            return false;                           // a kernel whose events take other arguments: the fallback (first display) or no repaint
        }
    }
}
