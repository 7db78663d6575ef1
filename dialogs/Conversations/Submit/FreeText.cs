using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// Whether a message is the answer to a free-text question ("希望的位置或所在园区是？"), or something else that
/// happened to arrive then: a question of the user's, a progress enquiry, a description of the business, a new
/// topic. Only an answer goes into the field; the rest stays in the user's story.
/// </summary>
public static partial class FreeText
{
    public static bool Fits(Slot slot, string answer, Understanding.Understanding said, RequestDraft draft)
    {
        var bare = Clauses.Bare(answer);
        if (bare.Length == 0 || answer.Length > (slot == Slots.StuckAt ? 80 : 40) || ProgressEnquiry.Is(answer) || Business().IsMatch(answer))
        {
            return false;
        }

        if (UserQuestions.In(answer).Count > 0 || (said.Entities.Phone ?? said.Entities.Company ?? said.Entities.CreditCode) is not null)
        {
            return false;
        }

        // A confident need of another kind is a new topic, not this detail.
        if (said.IsConfident && said.Confidence >= 0.8 && draft.Category is { } category && said.Category != category && answer.Length > 12)
        {
            return false;
        }

        return slot.Key switch
        {
            "energyKind" => DetailCues.EnergyKind(answer) is not null,
            "capacity" => answer.Any(char.IsDigit) || Numerals().IsMatch(answer),
            "location" => DetailCues.In(answer, "land").ContainsKey(Slots.Location.Key) || (bare.Length <= 15 && !Wanting().IsMatch(bare)),
            "positions" => DetailCues.In(answer, "hiring").ContainsKey(Slots.Positions.Key) || bare.Length <= 20,
            "approvalItem" => DetailCues.In(answer, "approval").ContainsKey(Slots.ApprovalItem.Key) || (bare.Length <= 15 && !Wanting().IsMatch(bare)),
            "stuckAt" => true,
            _ => bare.Length <= 30,
        };
    }

    /// <summary>"我们是做大数据的", "主要生产汽车配件": who the enterprise is, not a detail of the request.</summary>
    [GeneratedRegex("我们是做|我们做的?是|我们主要|主要做|主营|主要生产|专业生产|是做[\\u4e00-\\u9fff]{1,12}的|我们公司是|我们是一家|公司成立于|成立于|年产值|营收|注册资本|注册资金|员工\\d+|现有员工")]
    private static partial Regex Business();

    [GeneratedRegex("[一二两三四五六七八九十百千万]")]
    private static partial Regex Numerals();

    [GeneratedRegex("想要|希望|需要|申请|办理|咨询|请问|能不能|可以")]
    private static partial Regex Wanting();
}
