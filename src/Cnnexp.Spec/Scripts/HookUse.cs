namespace Cnnexp.Spec.Scripts;

/// <summary>How a spec uses a script: under `hooks:`, or as a `- script:` layer or input transform.</summary>
public enum HookUse { Hooks, Layer, Transform }
