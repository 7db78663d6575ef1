using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// The enterprise's own questions inside a message ("今年还能报吗", "研发人员现在15个，够不够？", "最快几天能拿到执照"):
/// the department should answer them, so they are kept on the ticket as 企业关心的问题.
/// </summary>
public static partial class UserQuestions
{
    /// <summary>The question clauses, as the user wrote them, with their question mark.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        var clauses = Clauses.Of(text);
        var questions = new List<string>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i].Trim();
            var bare = Clauses.Bare(clause);
            // "研发人员有30个，够吗？": a short question leans on the clause before it, and only then is it one.
            var leans = bare.Length <= 5 && i > 0 && questions.Count == 0;
            if (bare.Length < (leans ? 2 : 3) || NotAQuestion().IsMatch(bare) && !(leans && AsksAboutWhatCameBefore().IsMatch(bare)) || !IsQuestion(clause, bare))
            {
                continue;
            }

            var question = leans ? Clauses.Bare(clauses[i - 1]) + "，" + bare : bare;
            questions.Add(question + "？");
        }

        return questions;
    }

    private static bool IsQuestion(string clause, string bare) =>
        clause.EndsWith('？') || clause.EndsWith('?') || QuestionWords().IsMatch(bare) || QuestionEnd().IsMatch(bare);

    [GeneratedRegex("(怎么|如何|多久|多长时间|多少钱|几天|几个月|能不能|可不可以|能否|是否|哪些|哪个部门|什么时候|有没有|够不够|行不行|要不要|需不需要|符不符合|算不算|可以吗|行吗|能吗|呢$|吗$|么$|没有$)")]
    private static partial Regex QuestionWords();

    [GeneratedRegex("(吗|呢|么|没)$")]
    private static partial Regex QuestionEnd();

    /// <summary>"够吗", "行吗", "对吗" after a statement ask about it; "在吗" and "好吗" never do.</summary>
    [GeneratedRegex("^(够吗|行吗|可以吗|对吗|是吗|算吗)$")]
    private static partial Regex AsksAboutWhatCameBefore();

    /// <summary>Greetings and questions about the chat itself, which are not the enterprise's concerns.</summary>
    [GeneratedRegex("^(有人吗|在吗|你好吗|您好吗|能听到吗|可以吗|好吗|行吗|是吗|对吗|对不对|明白吗|懂吗|还有吗|没有|怎么称呼|请问)$")]
    private static partial Regex NotAQuestion();
}
