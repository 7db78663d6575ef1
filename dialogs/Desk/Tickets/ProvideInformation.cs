namespace Assistant.Dialogs.Desk.Tickets;

/// <summary>A file the enterprise sent with its information: where the channel keeps it.</summary>
/// <param name="Location">The channel's link to it (a web chat file path, or a Teams/SharePoint address).</param>
public sealed record TicketFile(string Name, string ContentType, string Location);

/// <summary>The enterprise adds information to its open ticket, asked for or not: words, files, or both.</summary>
public sealed record ProvideInformation(Guid TicketId, Actor By, string Information, IReadOnlyList<TicketFile>? Files = null) : ITicketCommand
{
    public Decision Decide(Ticket ticket, DeskRules rules, DateTimeOffset now) =>
        Guards.FirstOf(
            () => Guards.Enterprise(ticket, By, "补充诉求材料"),
            () => Guards.InStatus(ticket, "补充材料",
                TicketStatus.Submitted, TicketStatus.Routed, TicketStatus.SignedFor, TicketStatus.Handling,
                TicketStatus.AwaitingInformation, TicketStatus.Returned),
            () => Files is { Count: > 0 } && string.IsNullOrWhiteSpace(Information) ? null : Guards.Text(Information, "补充内容"),
            () => Files is { Count: > 20 } ? new Rejection(RejectionCode.Invalid, "一次最多补充20个文件。") : null)?.ToDecision()
        ?? Decision.Accept([new InformationProvided(By, Information.Trim(), now, Files is { Count: > 0 } ? Files : null), .. Resumed(ticket, rules, now)]);

    /// <summary>An answer to the open request restarts a paused 办结 clock with the working time it had left.</summary>
    private static IEnumerable<object> Resumed(Ticket ticket, DeskRules rules, DateTimeOffset now)
    {
        if (ticket.Status != TicketStatus.AwaitingInformation || ticket.ResolvePausedAt is not { } paused || ticket.ResolveDue is not { } due)
        {
            yield break;
        }

        var left = rules.Calendar.WorkingMinutesBetween(paused, due);
        yield return new ResolveClockResumed(paused, rules.Calendar.WorkingMinutesBetween(paused, now), rules.Calendar.AddWorkingMinutes(now, left), now);
    }
}

public sealed record InformationProvided(Actor By, string Information, DateTimeOffset At, IReadOnlyList<TicketFile>? Files = null);
