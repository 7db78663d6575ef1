using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding;

/// <summary>Greetings and "想咨询个事" state no need yet: the bot answers with an open question.</summary>
internal static partial class NeedDetector
{
    public static bool HasNeed(string normalized, IReadOnlyList<CategoryScore> scores) =>
        scores.Count > 0 && !IsGreeting(normalized);

    public static bool IsGreeting(string normalized) => OnlyGreeting().IsMatch(normalized);

    [GeneratedRegex(@"^[\s,.!?。，！？~～…]*(你好|您好|hello|hi|hey|在吗|在不在|有人吗|有人在吗|请问|想咨询(一下|个事|点事|个问题)?|咨询(一下|个事|个问题)?|问个事|问一下|打扰了|谢谢|麻烦了|[,.!?。，！？~～…\s])*$")]
    private static partial Regex OnlyGreeting();
}
