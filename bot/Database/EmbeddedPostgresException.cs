namespace Assistant.Bot.Database;

/// <summary>The embedded database cannot start; the message tells the operator what to do.</summary>
public sealed class EmbeddedPostgresException(string message, Exception? inner = null) : Exception(message, inner);
