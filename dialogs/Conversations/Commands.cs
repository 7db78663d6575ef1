using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Conversations;

public enum Command
{
    None,
    Cancel,
    Help,
    Restart,
    Menu,

    /// <summary>退订进度提醒.</summary>
    StopReminders,

    /// <summary>订阅进度提醒.</summary>
    ResumeReminders,
}

/// <summary>
/// Words that interrupt whatever is going on. Only a whole message counts: "算了" cancels, but
/// "算了，改成300万" is a correction and goes to the dialog.
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Command> Words = new()
    {
        ["取消"] = Command.Cancel, ["算了"] = Command.Cancel, ["不办了"] = Command.Cancel, ["退出"] = Command.Cancel, ["结束"] = Command.Cancel,
        ["cancel"] = Command.Cancel, ["quit"] = Command.Cancel, ["stop"] = Command.Cancel, ["exit"] = Command.Cancel,
        ["帮助"] = Command.Help, ["使用说明"] = Command.Help, ["怎么用"] = Command.Help, ["help"] = Command.Help, ["?"] = Command.Help, ["？"] = Command.Help,
        ["重新开始"] = Command.Restart, ["重来"] = Command.Restart, ["从头开始"] = Command.Restart, ["restart"] = Command.Restart, ["startover"] = Command.Restart,
        ["退订进度提醒"] = Command.StopReminders, ["退订提醒"] = Command.StopReminders, ["退订"] = Command.StopReminders, ["关闭进度提醒"] = Command.StopReminders,
        ["不要再提醒了"] = Command.StopReminders, ["不用再提醒了"] = Command.StopReminders, ["取消进度提醒"] = Command.StopReminders,
        ["unsubscribe"] = Command.StopReminders, ["stopupdates"] = Command.StopReminders,
        ["订阅进度提醒"] = Command.ResumeReminders, ["恢复进度提醒"] = Command.ResumeReminders, ["开启进度提醒"] = Command.ResumeReminders, ["订阅提醒"] = Command.ResumeReminders,
        ["subscribe"] = Command.ResumeReminders, ["resumeupdates"] = Command.ResumeReminders,
        ["返回主菜单"] = Command.Menu, ["主菜单"] = Command.Menu, ["菜单"] = Command.Menu, ["返回菜单"] = Command.Menu, ["menu"] = Command.Menu, ["mainmenu"] = Command.Menu,
    };

    public static Command Of(string? text)
    {
        var said = UserText.Normalize(text);
        return said is "?" or "？" ? Command.Help : Words.GetValueOrDefault(said);
    }
}
