namespace Cnnexp.Engine.Training;

/// <summary>
/// An exception whose message already says what failed and where (a hook's error, located in its
/// script): a unit that fails with it records the message alone. Any other exception is unexpected,
/// and its type and stack trace are kept in state.json and run.log.
/// </summary>
public interface IExpectedFailure;
