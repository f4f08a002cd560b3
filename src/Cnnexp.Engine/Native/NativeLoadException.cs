namespace Cnnexp.Engine.Native;

/// <summary>The native TorchSharp library exists but the system loader refused it.</summary>
public sealed class NativeLoadException(string path, string loaderMessage) : Exception(
    $"""
    cnnexp could not load libtorch's native library.
      file:   {path}
      loader: {loaderMessage}
    What to do: run `ldd -r {path}` to see which dependency or symbol version is missing.
    A 'GLIBCXX_... not found' line means this build of cnnexp was not patched for your
    libstdc++: reinstall cnnexp from an official package, or install a newer libstdc++6.
    """)
{
    public string LibraryPath { get; } = path;
    public string LoaderMessage { get; } = loaderMessage;
}
