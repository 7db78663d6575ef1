using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>What makes a request urgent, for an empathetic word and a priority the desk can sort by.</summary>
public enum UrgencyKind
{
    /// <summary>Production stopped or at risk now: an outage, a line that cannot run.</summary>
    Production,

    /// <summary>Money or a permit about to fall due.</summary>
    DueSoon,

    /// <summary>The user says it is urgent.</summary>
    Said,
}

public sealed record UrgencySignal(UrgencyKind Kind, string Words);

public static partial class Urgency
{
    public static UrgencySignal? In(string text)
    {
        if (Production().Match(text) is { Success: true } production)
        {
            return new UrgencySignal(UrgencyKind.Production, production.Value);
        }

        if (DueSoon().Match(text) is { Success: true } due)
        {
            return new UrgencySignal(UrgencyKind.DueSoon, due.Value);
        }

        return Said().Match(text) is { Success: true } said ? new UrgencySignal(UrgencyKind.Said, said.Value) : null;
    }

    /// <summary>One sentence of understanding, said once, before the next question.</summary>
    public static string Empathy(UrgencyKind kind, bool english) => (kind, english) switch
    {
        (UrgencyKind.Production, false) => "影响到生产经营确实很着急，这件诉求会标注为“紧急”，提醒承办部门优先处理。",
        (UrgencyKind.DueSoon, false) => "时间确实很紧，这件诉求会标注为“紧急”，提醒承办部门优先处理。",
        (_, false) => "理解您的着急，这件诉求会标注为“紧急”，提醒承办部门优先处理。",
        (UrgencyKind.Production, true) => "I understand this is affecting your production; the request will be marked urgent so the department handles it first.",
        (UrgencyKind.DueSoon, true) => "Time is short; the request will be marked urgent so the department handles it first.",
        _ => "I understand it is urgent; the request will be marked urgent so the department handles it first.",
    };

    [GeneratedRegex("(突然|已经|一直|今天|昨天|现在|又)?(停电|断电|停水|断水|停气|断气|停供|断供|跳闸)|(停产|停工|停线|停机|开不了工|没法生产|无法生产|不能生产|生产不了|影响生产|影响交货|交不了货|工资[都也]?(快|要)?发不出|发不出工资|资金链(要|快|就要)?断)")]
    private static partial Regex Production();

    [GeneratedRegex("(今天|明天|后天|这周|本周|下周|月底|\\d{1,2}号|\\d{1,2}日)[^，,。；;！!？?\\n]{0,6}(就要|就|要|即将|马上)?到期|(马上|即将|快要?)到期|到期了|逾期|燃眉之急|来不及")]
    private static partial Regex DueSoon();

    [GeneratedRegex("十万火急|非常急|特别急|很急|太急|急需|急用|紧急|火烧眉毛|尽快帮|越快越好|刻不容缓|急死")]
    private static partial Regex Said();
}
