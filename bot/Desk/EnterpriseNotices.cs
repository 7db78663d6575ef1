using Assistant.Bot.Channels;
using Assistant.Dialogs.Conversations.Tickets;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Desk.Enterprises;
using Assistant.Dialogs.Desk.Tickets;
using Marten;

namespace Assistant.Bot.Desk;

/// <summary>
/// Puts what the enterprise is told about a ticket's step into the same commit as the step: the outcome and the
/// rating question cannot be lost between 办结 and delivery, and are never sent twice. The outcome's delivery is
/// recorded on the ticket in that commit too.
/// </summary>
public sealed class EnterpriseNotices(ProactiveMessages messages, DeskRulesSource rules, TimeProvider clock)
{
    public async Task<StagedMessages?> Stage(IDocumentSession session, DeskResult result, CancellationToken cancellation)
    {
        if (result.Ticket is not { Conversation: { } conversation } ticket)
        {
            return null;
        }

        var off = await session.LoadAsync<ProgressReminders>(ticket.SubmittedBy, cancellation) is { Off: true };
        var notices = TicketNotices.For(ticket, result.Events, rules.Current, off);
        if (notices.Count == 0 || await messages.Stage(session, conversation, notices, cancellation) is not { } staged)
        {
            return null;
        }

        if (result.Events.OfType<TicketResolved>().Any())
        {
            session.Events.Append(ticket.Id, new OutcomeDelivered(staged.Channel, clock.GetUtcNow().ToUniversalTime()));
        }

        return staged;
    }

    public Task Delivered(StagedMessages? staged, CancellationToken cancellation) =>
        staged is null ? Task.CompletedTask : messages.Delivered(staged, cancellation);
}
