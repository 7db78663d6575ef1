using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Tests.Infrastructure;

/// <summary>Requests as the chat would file them.</summary>
public static class Requests
{
    public const string ValidCreditCode = "91320411MA1W5XYX3X";

    public static SubmitTicket Land(string? text = null, string? key = null) => new(
        new EnterpriseRef(null, "常州宏晟纺织有限公司", ValidCreditCode),
        new ContactPerson("刘洋", "138 0615 2947"),
        "webchat",
        text ?? "我们厂房太挤了，想在园区再找二十亩工业用地，年底前能落实吗？",
        "land",
        0.92,
        new Dictionary<string, string> { ["area_mu"] = "20", ["deadline"] = "年底前" },
        new ConversationReference("webchat", "http://localhost:5080/", "conv-1", People.Enterprise.Id, "bot"),
        People.Enterprise.Id,
        key);

    public static SubmitTicket Of(string category, string text) => Land(text) with { Category = category };
}
