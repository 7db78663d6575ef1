using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Dialogs.Turns;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace Assistant.Dialogs.Engine;

/// <summary>A resolved time expression: the words the user wrote, its TIMEX, and its value or range when known.</summary>
public sealed record DateTimeResolution(string Text, string Timex, string Type, string? Value, string? Start, string? End);

/// <summary>Times as people write them: 下周三之前, 3月15日前, 年底前, next Friday. Resolved against the turn's local time.</summary>
public sealed partial class DateTimePrompt(string id, PromptValidator<DateTimeResolution>? validator = null) : Prompt<DateTimeResolution>(id, validator)
{
    private static readonly Lazy<DateTimeModel> Chinese = new(() => (DateTimeModel)new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel());
    private static readonly Lazy<DateTimeModel> English = new(() => (DateTimeModel)new DateTimeRecognizer(Culture.English).GetDateTimeModel());
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeResolution? Recognize(string? text, DateTimeOffset now, bool english = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, Beijing).DateTime;
        if (PeriodEnd(text, DateOnly.FromDateTime(local)) is { } periodEnd)
        {
            return periodEnd;
        }

        foreach (var result in (english ? English.Value : Chinese.Value).Parse(text, local))
        {
            if (result.Resolution?.TryGetValue("values", out var values) == true && values is IList<Dictionary<string, string>> list && list.Count > 0)
            {
                var first = list[^1];
                return new DateTimeResolution(
                    result.Text, first.GetValueOrDefault("timex") ?? "", first.GetValueOrDefault("type") ?? result.TypeName,
                    first.GetValueOrDefault("value"), first.GetValueOrDefault("start"), first.GetValueOrDefault("end"));
            }
        }

        return null;
    }

    /// <summary>年底前, 月底前, 年内, 本季度末: period ends the recognizer does not know, ending on the period's last day.</summary>
    private static DateTimeResolution? PeriodEnd(string text, DateOnly today)
    {
        var match = PeriodEndPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var which = match.Groups["which"].Value;
        var period = match.Groups["period"].Value;
        var kind = which.Contains('月', StringComparison.Ordinal) ? '月' : which.Contains('季', StringComparison.Ordinal) ? '季' : period[0] is '底' or '末' ? '年' : period[0];
        DateOnly end;
        if (kind == '月')
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(which.StartsWith('下') ? 1 : 0);
            end = month.AddMonths(1).AddDays(-1);
        }
        else if (kind == '季')
        {
            var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(which.StartsWith('下') ? 3 : 0);
            end = quarterStart.AddMonths(3).AddDays(-1);
        }
        else
        {
            end = new DateOnly(today.Year + (which.StartsWith('明') ? 1 : 0), 12, 31);
        }

        var date = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeResolution(match.Value, date, "daterange", null, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);
    }

    [GeneratedRegex("(?<which>今年|明年|本年|这个月|本月|下个?月|本季度|这个季度|下个?季度)?(?<period>年底|年末|年内|月底|月末|季度末|季末|(?<=月|季度)底|(?<=月|季度)末)(前|之前|以前)?")]
    private static partial Regex PeriodEndPattern();

    protected override Task<PromptRecognizerResult<DateTimeResolution>> OnRecognize(TurnContext turn, PromptOptions options, CancellationToken cancellation) =>
        Task.FromResult(Recognize(turn.Activity.Text, turn.Clock.GetUtcNow(), turn.IsEnglish) is { } found
            ? new PromptRecognizerResult<DateTimeResolution>(true, found)
            : PromptRecognizerResult<DateTimeResolution>.Failed);
}
