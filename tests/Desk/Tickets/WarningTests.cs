using Assistant.Dialogs.Desk.Tickets;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Desk.Tickets;

public sealed class WarningTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    private static Decision Warn(Story story) => story.Try((t, now) => new WarnTicket(t.Id).Decide(t, story.Rules, now));

    [Fact]
    public void Nothing_is_due_right_after_dispatch() => Assert.Empty(Warn(new Story()).Events);

    [Fact]
    public void A_yellow_card_comes_when_less_than_half_the_sign_for_time_is_left()
    {
        // Dispatched Monday 10:00, due Tuesday 17:30: 13 working hours, the card at 6.5 hours before the end.
        var story = new Story().At(At(11, 24, 9, 29));
        Assert.Empty(Warn(story).Events);

        story.At(At(11, 24, 9, 30));
        var card = Assert.IsType<TicketWarned>(Assert.Single(Warn(story).Events));
        Assert.Equal((WarningLevel.Yellow, DeadlineStage.SignFor), (card.Level, card.Stage));
    }

    [Fact]
    public void A_red_card_comes_once_the_deadline_has_passed_and_each_card_is_issued_once()
    {
        var story = new Story().At(At(11, 24, 17, 31));
        story.Then((t, now) => new WarnTicket(t.Id).Decide(t, story.Rules, now));

        Assert.Contains(story.Ticket.Warnings, w => w is { Level: WarningLevel.Red, Stage: DeadlineStage.SignFor });
        Assert.DoesNotContain(Warn(story).Events, e => e is TicketWarned { Stage: DeadlineStage.SignFor });
    }

    [Fact]
    public void Signing_for_stops_the_sign_for_clock_and_first_contact_stops_the_contact_clock()
    {
        var story = new Story().SignedFor()
            .Then((t, now) => new ContactEnterprise(t.Id, People.LandClerk, "已电话联系刘经理，约定周三现场查看").Decide(t, Rules, now))
            .At(At(11, 30, 12));

        var cards = Warn(story).Events.Cast<TicketWarned>().ToList();

        Assert.Equal([DeadlineStage.Resolve], cards.Select(c => c.Stage));
        Assert.Equal(WarningLevel.Yellow, cards[0].Level);
    }

    private static readonly Dialogs.Desk.DeskRules Rules = Shipped.Rules();

    [Fact]
    public void A_resolved_ticket_gets_no_cards() =>
        Assert.Empty(Warn(new Story().Resolved().At(At(12, 31, 9))).Events);
}
