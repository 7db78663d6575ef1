using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Understanding.Entities;

/// <summary>The area a request seeks or is about, in 亩 or square metres. Current premises told as background
/// ("现有厂房2万平") are not slots; of a 32-亩 plot with 12 idle 亩, the 12 are the request.</summary>
internal static partial class AreaReader
{
    public static (Mention<decimal>? Mu, Mention<decimal>? Sqm) Read(RequestText text)
    {
        var mu = new List<Mention<decimal>>();
        var sqm = new List<Mention<decimal>>();
        foreach (var number in text.Numbers)
        {
            if (Vagueness.IsVague(text, number))
            {
                continue;
            }

            var after = text.After(number.End, 16);
            var unit = Unit().Match(after);
            if (!unit.Success)
            {
                continue;
            }

            if (text.NextNonSpace(number.End + unit.Length) is '多' or '余')
            {
                continue;
            }

            var value = number.Value * (unit.Groups["wan"].Success ? 10_000m : 1m);
            var before = text.Before(number.Start, 16);
            var score = 1 + (Sought().IsMatch(before + "|" + after[unit.Length..]) ? 2 : 0) - (Background().IsMatch(before) ? 3 : 0);
            if (score <= 0)
            {
                continue;
            }

            var mention = new Mention<decimal>(value, number.Start, number.End + unit.Length, score);
            (unit.Groups["mu"].Success ? mu : sqm).Add(mention);
        }

        return (Mentions.Pick(text, mu), Mentions.Pick(text, sqm));
    }

    [GeneratedRegex(@"^\s*(?<wan>万)?\s*((?<mu>亩|mu\b)(?!均)|(平方米|平米|平方(?!公里|千米)|平(?![台安时均衡稳常价板面方])|㎡|m²|m2|sqm|square\s+met))")]
    private static partial Regex Unit();

    [GeneratedRegex("需|要|想|申请|拿|租|买|缺|扩|新增|增加|用地|空着|闲置|这块|那块|一块|大概|左右|约|建|面积|改造|分割|转让|出让|验收|装修|need|about|around")]
    private static partial Regex Sought();

    [GeneratedRegex(@"现有|目前|原有|占地|总共|厂区|总面积|原来|当时|拿了|买了|租了|盖了|建了|建成|一期|已|20[0-2]\d年|去年|前年|宿舍")]
    private static partial Regex Background();
}
