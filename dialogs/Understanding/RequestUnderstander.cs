using Assistant.Dialogs.Understanding.Entities;

namespace Assistant.Dialogs.Understanding;

/// <summary>Reads an enterprise's request: its category with the cues that decided it, and the slots it states.
/// Thread-safe and meant to be built once; construction loads the number models so the first message is not slow.</summary>
public sealed class RequestUnderstander
{
    /// <summary>One message through every reader, so the first real message does not pay for compiling them.</summary>
    private const string WarmUp = "我们是无锡恒达精密机械有限公司，想在下周三之前申请贷款500万元，需要二十亩地、招20个普工，电话13800000000";

    /// <summary>The confidence of a guess from character pairs: always a question, never a routing.</summary>
    private const double Guessed = 0.2;

    private readonly CategoryScorer _scorer = new();
    private readonly BigramGuess _guess = new(Lexicon.CueLexicon.All);

    public RequestUnderstander()
    {
        NumberReader.Warm();
        _ = Understand(WarmUp);
    }

    public Understanding Understand(string text)
    {
        text ??= "";
        var language = Language.Detect(text);
        var request = new RequestText(text, language == Language.English);
        var sheet = _scorer.Score(text, request.Normalized, CompanyReader.Names(request.Normalized), request.Guessed);
        var (scores, evidence) = (sheet.Scores, sheet.Evidence);
        var read = EntityReader.Read(request);
        var entities = read.Entities;
        if (scores.Count == 0 && !NeedDetector.IsGreeting(request.Normalized))
        {
            var (guessed, why) = _guess.Guess(request.Normalized);
            if (guessed.Count > 0 && guessed[0].Category != Categories.Other)
            {
                var ask = guessed.Select(s => s.Category).Append(Categories.Other).Distinct().Take(2).ToList();
                return new Understanding(guessed[0].Category, Guessed, ask, guessed, why, entities, language, HasNeed: true) { Headcount = read.Headcount };
            }
        }

        if (!NeedDetector.HasNeed(request.Normalized, scores))
        {
            return new Understanding(Categories.Other, 0, [], scores, evidence, entities, language, HasNeed: false) { Headcount = read.Headcount };
        }

        var (category, confidence, clarify) = CategoryDecision.Decide(sheet);
        return new Understanding(category, confidence, clarify, scores, evidence, entities, language, HasNeed: true) { Headcount = read.Headcount };
    }

    /// <summary>Only a greeting or an opener ("你好，在吗", "想咨询个事"): nothing of a need yet.</summary>
    public static bool IsGreeting(string text) => NeedDetector.IsGreeting(new RequestText(text ?? "", false).Normalized);

    /// <summary>A whole dialog: the category of everything the user wrote (a progress question late in the dialog does not
    /// outweigh the need stated earlier), and the slots after merging the turns in order.</summary>
    public Understanding Understand(IReadOnlyList<string> turns)
    {
        var entities = turns.Aggregate(RequestEntities.None, Merge);
        return Understand(string.Join('\n', turns)) with { Entities = entities };
    }

    /// <summary>The slots after one more message of a dialog: later values replace earlier ones, a stated total replaces the
    /// headcount, an addition ("再加一个硕士") adds to it, and new slots join the known ones.</summary>
    public RequestEntities Merge(RequestEntities current, string utterance)
    {
        var language = Language.Detect(utterance ?? "");
        var said = EntityReader.Read(new RequestText(utterance ?? "", language == Language.English));
        return Merge(current, said.Entities, said.Headcount);
    }

    /// <summary>The same, from a message already understood, so its entities are not read twice.</summary>
    public static RequestEntities Merge(RequestEntities current, Understanding said) => Merge(current, said.Entities, said.Headcount);

    private static RequestEntities Merge(RequestEntities current, RequestEntities next, HeadcountMention? headcount)
    {
        return current with
        {
            AmountCny = next.AmountCny ?? current.AmountCny,
            AreaMu = next.AreaMu ?? current.AreaMu,
            AreaSqm = next.AreaSqm ?? current.AreaSqm,
            Headcount = Headcount(current.Headcount, headcount),
            Deadline = next.Deadline ?? current.Deadline,
            Phone = next.Phone ?? current.Phone,
            Company = next.Company ?? current.Company,
            CreditCode = next.CreditCode ?? current.CreditCode,
            CreditCodeValid = next.CreditCode is null ? current.CreditCodeValid : next.CreditCodeValid,
        };
    }

    private static int? Headcount(int? known, HeadcountMention? said) => said switch
    {
        null => known,
        { IsAddition: true, IsTotal: false } when known is { } k => k + said.Count,
        _ => said.Count,
    };
}
