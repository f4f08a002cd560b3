using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Scripts;

/// <summary>One entry of `hooks:`: a script path as written (relative to the spec's folder) and where.</summary>
public sealed record HookPath(string Path, SourceSpan? Where = null)
{
    public static HookPath? Bind(YNode node, string path, Binder binder)
    {
        if (node is YScalar { IsNull: false } s && s.Value.Trim().Length > 0) return new HookPath(s.Value, s.Where);
        binder.Diagnostics.Error("wrong-type", $"`{path}` must be the path of a .csx file, not {node.Describe()}", node.Where,
            "write `hooks: [hooks/gradnorm.csx]`");
        return null;
    }

    /// <summary>The path as written, which is also how spec.resolved.yaml writes it.</summary>
    public override string ToString() => Path;
}
