using Assistant.Dialogs.Desk.Tickets;

namespace Assistant.Tests.Infrastructure;

/// <summary>The people in the tests, named as in a real county: staff of three bureaus, a dispatcher, a leader, two enterprises.</summary>
public static class People
{
    public static readonly Actor LandClerk = new("wang.fang", "王芳", ActorRole.Staff, "natural-resources");
    public static readonly Actor LandClerk2 = new("li.qiang", "李强", ActorRole.Staff, "natural-resources");
    public static readonly Actor LandHead = new("zhao.min", "赵敏", ActorRole.DepartmentHead, "natural-resources");
    public static readonly Actor FinanceClerk = new("chen.jing", "陈静", ActorRole.Staff, "finance");
    public static readonly Actor Dispatcher = new("sun.li", "孙丽", ActorRole.Dispatcher, "service-center");
    public static readonly Actor Leader = new("zhou.jun", "周军", ActorRole.Leader);
    public static readonly Actor Enterprise = Actor.Enterprise("webchat:u-1001", "刘洋");
    public static readonly Actor OtherEnterprise = Actor.Enterprise("webchat:u-2002", "黄磊");
}
