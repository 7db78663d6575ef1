using System.Text.Json;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>How dialog state is written into the stack: the activity wire format, so stored prompts stay valid activities.</summary>
internal static class EngineJson
{
    public static JsonSerializerOptions Options => ActivityJson.Options;
}
