namespace Assistant.Dialogs.Turns;

/// <summary>
/// Other turns of the same conversation kept committing first, and this one gave up before doing anything: nothing
/// was saved or sent. Channels answer "busy, try again" (503 with Retry-After), which their clients retry.
/// </summary>
public sealed class TurnContentionException(string conversationKey, Exception last)
    : Exception($"Conversation {conversationKey} was changed by other turns on every attempt.", last);
