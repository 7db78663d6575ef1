namespace Assistant.Dialogs.Conversations;

/// <summary>
/// Everything the assistant says to enterprises, in polite service-desk Chinese by default and in English for en-US.
/// One place, so wording is reviewed together and stays consistent.
/// </summary>
public sealed record Phrases(bool English)
{
    public static Phrases Chinese { get; } = new(false);

    public static Phrases EnglishPhrases { get; } = new(true);

    public static Phrases For(string? locale) => locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? EnglishPhrases : Chinese;

    public string MenuSubmit => English ? "Submit a request" : "提交诉求";

    public string MenuStatus => English ? "Check progress" : "查询进度";

    public string MenuMine => English ? "My requests" : "我的诉求";

    public string MenuHelp => English ? "Help" : "帮助";

    public IReadOnlyList<string> Menu => [MenuSubmit, MenuStatus, MenuMine, MenuHelp];

    public string Welcome => English
        ? "Hello, this is 有求必应, the enterprise service assistant. Tell me what your company needs help with — land, financing, hiring, approvals, energy, technology, policy or markets — and I will file it with the responsible department and keep you posted."
        : "您好，我是“有求必应”企业服务助手。贵企业在用地、融资、用工、审批、能耗、科技、政策、市场等方面遇到困难，都可以直接告诉我，我会登记并转交责任部门限时办理，办理结果也会在这里告诉您。";

    public string WhatCanIDo => English ? "You can type your request directly, or choose:" : "您可以直接描述诉求，也可以选择：";

    public string Help => English
        ? "How it works: describe your company's problem in your own words. I ask only for what is missing (company, contact, a few details), show you a summary, and file it. You get a request number and a query code; with them you can check progress here at any time.\nCommands: “cancel” stops the current step, “restart” starts over, “menu” shows the main menu, “unsubscribe” stops the progress updates."
        : "使用说明：用自己的话描述企业遇到的问题即可，我只会询问缺少的信息（企业名称、联系方式和少量必要情况），确认无误后提交。提交后您会收到诉求编号和查询码，凭此可随时在这里查询办理进度。\n随时可以输入：“取消”结束当前操作，“重新开始”从头开始，“返回主菜单”回到主菜单，“退订进度提醒”不再接收每一步的进度消息。";

    public string Cancelled => English ? "OK, cancelled. Is there anything else I can help with?" : "好的，已取消。请问还有什么可以帮您？";

    public string NothingToCancel => English ? "There is nothing in progress to cancel." : "当前没有正在进行的操作。";

    public string Greeting => English ? "Hello! What can I do for your company today?" : "您好！请问贵企业需要什么帮助？";

    public string AskNeed => English
        ? "Please describe briefly what your company needs help with."
        : "请简单描述一下贵企业遇到的问题或需要协调的事项。";

    public string EmptyMessage => English ? "I did not receive any text. Please type your question." : "没有收到文字内容，请输入您要咨询或反映的问题。";

    /// <summary>A channel cuts text at <see cref="Activities.ActivityShape.MaxTextLength"/>: from there on the length is "more than".</summary>
    public string TooLong(int length, int limit) => (English, length >= Activities.ActivityShape.MaxTextLength) switch
    {
        (true, false) => $"Your message is quite long ({length} characters). Please keep it under {limit} characters, or send it in several parts.",
        (true, true) => $"Your message is longer than {Activities.ActivityShape.MaxTextLength} characters. Please keep it under {limit} characters, or send it in several parts.",
        (false, false) => $"您的消息较长（{length}字），请精简到{limit}字以内，或分几条发送。",
        (false, true) => $"您的消息超过{Activities.ActivityShape.MaxTextLength}字，请精简到{limit}字以内，或分几条发送。",
    };

    /// <summary>Why files sent with a message were not accepted, one sentence per reason.</summary>
    public string FilesRefused(IReadOnlyList<Activities.RefusedFile> refused)
    {
        string Names(Activities.RefusalReason reason) => string.Join(English ? ", " : "、", refused.Where(r => r.Reason == reason).Select(r => English ? $"\"{r.Name}\"" : $"“{r.Name}”"));
        var sentences = refused.Select(r => r.Reason).Distinct().Order().Select(reason => (English, reason) switch
        {
            (false, Activities.RefusalReason.Kind) => $"文件{Names(reason)}的类型无法接收，可以发送的有图片（JPG、PNG、GIF、WebP、BMP）、PDF、OFD、Word、Excel、PowerPoint 和文本文件。",
            (false, Activities.RefusalReason.TooLarge) => $"文件{Names(reason)}太大，未能接收，请压缩或拆分后再发送。",
            (false, Activities.RefusalReason.Empty) => $"文件{Names(reason)}是空文件，未能接收。",
            (false, _) => $"本次对话发送的文件已达上限，文件{Names(reason)}未能接收，承办部门联系您时可再提供。",
            (true, Activities.RefusalReason.Kind) => $"{Names(reason)} cannot be accepted: please send images (JPG, PNG, GIF, WebP, BMP), PDF, OFD, Word, Excel, PowerPoint or text files.",
            (true, Activities.RefusalReason.TooLarge) => $"{Names(reason)} is too large; please compress or split it.",
            (true, Activities.RefusalReason.Empty) => $"{Names(reason)} is empty.",
            (true, _) => $"This conversation has sent as many files as it may for now, so {Names(reason)} was not accepted; you can provide it when the department contacts you.",
        });
        return (English ? "Sorry: " : "抱歉，") + string.Join(English ? " " : "", sentences);
    }

    public string OnlySymbols => English
        ? "Sorry, I can only read text. Please describe your request in words."
        : "抱歉，我暂时只能识别文字，请用文字描述您的需求。";

    public string UnknownCard => English
        ? "Sorry, that button has expired. Please choose again from the latest message, or type what you need."
        : "抱歉，这个按钮已失效。请使用最新消息中的按钮，或直接输入您的需求。";

    public string Skip => English ? "Skip" : "跳过";

    public IReadOnlyList<string> SkipWords => English ? ["skip", "none", "n/a", "pass"] : ["跳过", "没有", "无", "不清楚", "不知道", "暂无", "略", "skip"];
}
