using System.Text.RegularExpressions;
using Assistant.Dialogs.Desk.Departments;
using Assistant.Dialogs.Turns;

namespace Assistant.Dialogs.Conversations.Staff;

/// <summary>"绑定 wangfang", "绑定账号：wangfang", "我是工作人员 wangfang" typed in Teams by someone not yet linked.</summary>
public static partial class LinkRequest
{
    public static TeamsLinkRequest? Of(TurnContext turn)
    {
        if (turn.Activity.ChannelId != AssistantBot.TeamsChannelId || turn.Activity.From?.AadObjectId is not { Length: > 0 } aad
            || Typed().Match(turn.Activity.Text ?? "") is not { Success: true } m)
        {
            return null;
        }

        var name = turn.Activity.From.Name is { Length: > 0 } n ? n[..Math.Min(n.Length, 50)] : "Teams 用户";
        return new TeamsLinkRequest(aad, m.Groups["login"].Value.ToLowerInvariant(), name, turn.Activity.Conversation?.TenantId, turn.Clock.GetUtcNow());
    }

    [GeneratedRegex(@"^\s*(绑定(工作人员)?(账号|帐号)?|我是工作人员)\s*[:：]?\s*(?<login>[A-Za-z0-9][A-Za-z0-9._-]{1,63})\s*$")]
    private static partial Regex Typed();
}
