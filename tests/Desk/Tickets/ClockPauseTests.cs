using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

/// <summary>
/// While the department waits for the enterprise's 补充材料 the 办结 clock stands still where the scheme says so (the
/// product default and Shandong), and counts straight through where it does not (河南 13710, 中山 马上办).
/// </summary>
public sealed class ClockPauseTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    private static Story AskedForMaterialOnTuesday(Dialogs.Desk.DeskRules? rules = null)
    {
        var story = new Story(rules).SignedFor().At(At(11, 24, 10));
        return story.Then((t, now) => new RequestInformation(t.Id, People.LandClerk, "请补充现有厂房的不动产证复印件").Decide(t, story.Rules, now));
    }

    [Fact]
    public void While_the_enterprise_prepares_the_material_no_card_comes_for_the_resolve_deadline()
    {
        // Resolve was due Monday 30 November 17:30; the material is asked for on Tuesday and not answered for a week.
        var story = AskedForMaterialOnTuesday().At(At(12, 2, 10));

        var cards = WarnTicket.DueWarnings(story.Ticket, story.Rules, story.Now).ToList();

        Assert.DoesNotContain(cards, c => c.Stage == DeadlineStage.Resolve);
        Assert.NotNull(story.Ticket.ResolvePausedAt);
    }

    [Fact]
    public void The_answer_restarts_the_clock_with_the_working_time_it_had_left()
    {
        var story = AskedForMaterialOnTuesday();
        var due = story.Ticket.ResolveDue!.Value;

        // Two working days later (Thursday 10:00) the enterprise answers: the deadline moves by those two days.
        story.At(At(11, 26, 10)).Then((t, now) => new ProvideInformation(t.Id, People.Enterprise, "不动产证复印件已上传").Decide(t, story.Rules, now));

        Assert.Equal(story.Rules.Calendar.AddWorkingMinutes(due, 2 * story.Rules.Calendar.MinutesPerDay), story.Ticket.ResolveDue);
        Assert.Null(story.Ticket.ResolvePausedAt);
        var resumed = Assert.Single(story.Events.OfType<ResolveClockResumed>());
        Assert.Equal(2 * story.Rules.Calendar.MinutesPerDay, resumed.PausedMinutes);
    }

    [Theory]
    [InlineData("henan-13710")]
    [InlineData("zhongshan")]
    public void A_pledge_scheme_counts_straight_through(string preset)
    {
        var rules = Shipped.Rules(o => o.Preset = preset);
        var story = AskedForMaterialOnTuesday(rules);
        var due = story.Ticket.ResolveDue;

        story.At(At(11, 26, 10)).Then((t, now) => new ProvideInformation(t.Id, People.Enterprise, "不动产证复印件已上传").Decide(t, rules, now));

        Assert.Null(story.Ticket.ResolvePausedAt);
        Assert.Equal(due, story.Ticket.ResolveDue);
        Assert.Empty(story.Events.OfType<ResolveClockPaused>());
    }

    [Fact]
    public void An_operator_can_turn_the_pause_off_whatever_the_preset()
    {
        var rules = Shipped.Rules(o => o.PauseWhileAwaitingInformation = false);

        Assert.Null(AskedForMaterialOnTuesday(rules).Ticket.ResolvePausedAt);
    }
}
