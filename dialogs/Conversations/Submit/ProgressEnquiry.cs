using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// A question about how a request is going, in the user's words: "进度怎么样了", "办到哪一步了", "查一下我上次那个",
/// "有结果了吗". <see cref="Latest"/> is set when the user means their latest request ("上次那个", "之前提交的").
/// </summary>
public static partial class ProgressEnquiry
{
    public static bool Is(string text)
    {
        var bare = Normalize(text);
        return bare.Length <= 30 && (Progress().IsMatch(bare) || Latest(bare));
    }

    public static bool Latest(string text) => LatestPattern().IsMatch(Normalize(text));

    /// <summary>The question is about a request made before ("上次那个", "之前提的"), not the one being put together.</summary>
    public static bool AboutEarlier(string text) => Latest(text) || Earlier().IsMatch(Normalize(text));

    [GeneratedRegex("上次|上回|之前|以前|前几天|早先|原来那个")]
    private static partial Regex Earlier();

    private static string Normalize(string text) => text.Trim().Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex("进度|进展(如何|怎样|怎么样|到哪|呢|吗|了吗)|什么进展|有进展了?[吗没]|办到哪|到哪一?步|到哪了|到什么程度|怎么样了|咋样了|如何了|有结果了?[吗没]|有消息了?[吗没]|有回复了?[吗没]|有回音|处理得?怎么样|处理到哪|批下来了?[吗没]|办好了?[吗没]|办完了?[吗没]|还没有?(人)?(联系|处理|回复|答复)|什么时候(能)?(有|给)(结果|答复|回复)|status|progress", RegexOptions.IgnoreCase)]
    private static partial Regex Progress();

    [GeneratedRegex("(上次|上回|之前|前几天|刚才|前面|早先|以前)(那个|那件|那条|的那个|提交的|提的|反映的|报的|说的)|(我|我们)(提交|提|反映|报)的(那个|诉求|事情?|问题)|查一?下(我|我们)的?(诉求|那个)")]
    private static partial Regex LatestPattern();
}
