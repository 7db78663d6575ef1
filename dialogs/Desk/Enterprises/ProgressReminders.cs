namespace Assistant.Dialogs.Desk.Enterprises;

/// <summary>
/// 退订进度提醒: an enterprise user (keyed as <c>EnterpriseUser</c> names them) who no longer wants a message for each
/// step of their tickets. The outcome with the rating question, a department's request for material and its interim
/// replies still come: they need the user, or answer them.
/// </summary>
public sealed class ProgressReminders
{
    public string Id { get; set; } = "";

    public bool Off { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
