using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Conversations;

public enum Command
{
    None,
    Cancel,
    Help,
    Restart,
    Menu,
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
        ["返回主菜单"] = Command.Menu, ["主菜单"] = Command.Menu, ["菜单"] = Command.Menu, ["返回菜单"] = Command.Menu, ["menu"] = Command.Menu, ["mainmenu"] = Command.Menu,
    };

    public static Command Of(string? text)
    {
        var said = UserText.Normalize(text);
        return said is "?" or "？" ? Command.Help : Words.GetValueOrDefault(said);
    }
}
