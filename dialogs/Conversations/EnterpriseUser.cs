using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Dialogs.Conversations;

/// <summary>Who an enterprise user is to the desk: one id per channel user ("webchat:dl_…", "msteams:29:…").</summary>
public static class EnterpriseUser
{
    public static string Of(Activity activity) => $"{activity.ChannelId}:{activity.From?.Id}";

    public static Actor Actor(Activity activity) => Desk.Tickets.Actor.Enterprise(Of(activity), activity.From?.Name ?? "企业用户");
}
