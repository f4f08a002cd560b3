namespace Cnnexp.Results.Statistics;

/// <summary>Where a sequential comparison stands.</summary>
public enum Outcome
{
    /// <summary>The interval still holds 0 and (with a margin) reaches beyond it.</summary>
    Undecided,
    /// <summary>The interval excludes 0: a real difference.</summary>
    Real,
    /// <summary>The interval lies inside ±margin: equivalent within the margin.</summary>
    Equivalent,
}
