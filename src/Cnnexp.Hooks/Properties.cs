using System.Runtime.CompilerServices;

// The host builds the events hooks receive; hook authors only read them.
[assembly: InternalsVisibleTo("Cnnexp.Scripting")]
[assembly: InternalsVisibleTo("Cnnexp.Scripting.Tests")]
