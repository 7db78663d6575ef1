using System.Text.Json;

namespace Assistant.Dialogs.Activities;

public enum RefusalReason
{
    /// <summary>Not a kind of file the assistant accepts (judged by its content).</summary>
    Kind,
    TooLarge,
    Empty,

    /// <summary>The conversation has sent as much as it may for now.</summary>
    Quota,
}

/// <summary>
/// A file the channel did not accept, told to the bot as an entity of the user's activity so that the bot can say
/// why. Only the channel adds these; it drops any a client sends.
/// </summary>
public sealed record RefusedFile(string Name, RefusalReason Reason)
{
    public const string EntityType = "youqiubiying/refusedFile";

    public JsonElement ToEntity() => JsonSerializer.SerializeToElement(new { type = EntityType, name = Name, reason = Reason.ToString() });

    public static IReadOnlyList<RefusedFile> In(Activity activity) =>
        (activity.Entities ?? []).Where(IsRefusal)
            .Select(e => new RefusedFile(
                e.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "",
                e.TryGetProperty("reason", out var reason) && Enum.TryParse<RefusalReason>(reason.GetString(), out var parsed) ? parsed : RefusalReason.Kind))
            .ToList();

    public static bool IsRefusal(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == EntityType;
}
