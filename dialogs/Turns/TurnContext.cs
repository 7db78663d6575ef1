using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Turns;

/// <summary>
/// One inbound activity and everything the bot does about it. What the turn sends is held until the turn's state is
/// committed, then delivered in order; so nothing reaches the user that the database does not also know, and a
/// turn that must be re-run (a concurrent write from another host) never sends twice.
/// </summary>
public sealed class TurnContext(Activity activity, TimeProvider clock)
{
    private readonly List<OutboundActivity> _outbox = [];
    private readonly Dictionary<Type, object> _state = [];
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    public Activity Activity { get; } = activity;

    public TimeProvider Clock { get; } = clock;

    /// <summary>True once the bot has sent something in this turn.</summary>
    public bool Responded => _outbox.Any(o => o.Kind == OutboundKind.Send);

    public string Locale => Activity.Locale is { Length: > 0 } locale ? locale : "zh-CN";

    public bool IsEnglish => Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<Activity> Sent => _outbox.Where(o => o.Kind == OutboundKind.Send).Select(o => o.Activity).ToList();

    internal IReadOnlyList<OutboundActivity> Outbox => _outbox;

    public void SendActivity(Activity activity) => _outbox.Add(new OutboundActivity(OutboundKind.Send, Complete(activity)));

    public void SendActivity(string text) => SendActivity(Activity.CreateReply(text));

    public void SendActivities(IEnumerable<Activity> activities)
    {
        foreach (var a in activities)
        {
            SendActivity(a);
        }
    }

    public void UpdateActivity(Activity activity) => _outbox.Add(new OutboundActivity(OutboundKind.Update, Complete(activity)));

    public void DeleteActivity(string activityId) => _outbox.Add(new OutboundActivity(OutboundKind.Delete, Activity.CreateReply() with { Id = activityId }));

    /// <summary>Typed per-turn state: one value per type, gone when the turn ends.</summary>
    public void Set<T>(T value) where T : class => _state[typeof(T)] = value;

    /// <summary>Keeps a value under its own runtime type (what the bot prepared, whatever that is).</summary>
    public void SetAsItsType(object value) => _state[value.GetType()] = value;

    public T? Get<T>() where T : class => _state.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Work for after the turn's commit, such as waking the sender of messages staged for other conversations;
    /// dropped when the turn fails or is run again.</summary>
    public void AfterCommit(Func<CancellationToken, Task> work) => _afterCommit.Add(work);

    internal IReadOnlyList<Func<CancellationToken, Task>> Committed => _afterCommit;

    internal void DiscardOutbox()
    {
        _outbox.Clear();
        _afterCommit.Clear();
    }

    private Activity Complete(Activity reply) => reply with
    {
        ChannelId = reply.ChannelId ?? Activity.ChannelId,
        ServiceUrl = reply.ServiceUrl ?? Activity.ServiceUrl,
        Conversation = reply.Conversation ?? Activity.Conversation,
        From = reply.From ?? Activity.Recipient,
        Recipient = reply.Recipient ?? Activity.From,
        // Like the Bot Framework SDK: what a turn sends replies to the activity that started it.
        ReplyToId = reply.ReplyToId ?? Activity.Id,
        Locale = reply.Locale ?? Activity.Locale,
        InputHint = reply.InputHint ?? (reply.Type == ActivityTypes.Message ? "acceptingInput" : null),

        // Plain text: line breaks show as written, and nothing a user typed (a company name with "*") turns into markup.
        TextFormat = reply.TextFormat ?? (reply.Type == ActivityTypes.Message && reply.Text is not null ? "plain" : null),
    };
}
