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

    [Fact]
    public void A_deadline_passed_by_a_working_day_brings_the_automatic_supervision_once()
    {
        // Signing for was due Tuesday 17:30; a working day later is Wednesday 17:30.
        var story = new Story().At(At(11, 25, 17, 29));
        story.Then((t, now) => new WarnTicket(t.Id).Decide(t, story.Rules, now));
        Assert.DoesNotContain(story.Ticket.Warnings, w => w.Level == WarningLevel.Supervised);

        story.At(At(11, 25, 17, 30)).Then((t, now) => new WarnTicket(t.Id).Decide(t, story.Rules, now));

        Assert.Contains(story.Ticket.Warnings, w => w is { Level: WarningLevel.Supervised, Stage: DeadlineStage.SignFor });
        Assert.Equal(1, story.Ticket.SupervisionCount);
        Assert.DoesNotContain(Warn(story).Events, e => e is TicketWarned { Stage: DeadlineStage.SignFor });
    }

    [Fact]
    public void A_ticket_found_long_overdue_gets_its_supervision_without_a_red_card_first()
    {
        var cards = Warn(new Story().At(At(11, 30, 10))).Events.Cast<TicketWarned>().ToList();

        Assert.Contains(cards, c => c is { Stage: DeadlineStage.SignFor, Level: WarningLevel.Supervised });
        Assert.DoesNotContain(cards, c => c is { Stage: DeadlineStage.SignFor, Level: WarningLevel.Red });
    }

    [Fact]
    public void The_indexed_deadlines_move_on_as_the_cards_are_issued()
    {
        var story = new Story();
        var signFor = story.Ticket.SignForDue;
        Assert.Equal(signFor, story.Ticket.UncardedDue);

        story.At(At(11, 24, 17, 31)).Then((t, now) => new WarnTicket(t.Id).Decide(t, story.Rules, now));

        // Signing for is red; the contact deadline (Wednesday) got its yellow card at the same time.
        Assert.Equal(story.Ticket.ResolveDue, story.Ticket.UncardedDue);
        Assert.Equal(story.Ticket.FirstContactDue, story.Ticket.UnredDue);
        Assert.Equal(signFor, story.Ticket.UnsupervisedDue);
    }
}
