namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>One thing the submit flow may ask for.</summary>
public sealed record Slot(string Key, string Chinese, string English, string Question, string QuestionEn, bool Optional);

/// <summary>
/// The questions of the submit flow, in the order they are asked: the need, the category when unsure, the
/// enterprise and contact, then the details each department needs (any of which can be skipped).
/// </summary>
public static class Slots
{
    public static readonly Slot Need = new("need", "诉求内容", "Request", "请简单描述一下贵企业遇到的问题或需要协调的事项。", "Please describe briefly what your company needs help with.", false);
    public static readonly Slot Category = new("category", "诉求类别", "Category", "为了交给最合适的部门，请确认您的诉求属于哪一类：", "To send it to the right department, which kind of request is it?", false);
    public static readonly Slot Company = new("company", "企业名称", "Company", "请问贵企业的全称是？", "What is your company's full name?", false);
    public static readonly Slot CreditCode = new("creditCode", "统一社会信用代码", "Credit code", "请提供贵企业的统一社会信用代码（18位，见营业执照）；暂时没有可以回复“跳过”。", "Please give the company's unified social credit code (18 characters, on the business licence), or reply \"skip\".", true);
    public static readonly Slot ContactName = new("contactName", "联系人", "Contact", "请问怎么称呼您？", "Whom should the department contact (your name)?", false);
    public static readonly Slot Phone = new("phone", "联系电话", "Phone", "请留下联系电话（手机或带区号的座机），方便承办部门与您联系。", "Please leave a phone number (mobile, or landline with area code) for the department to reach you.", false);
    public static readonly Slot Area = new("area", "用地面积", "Area", "大约需要多少面积？（例如：20亩，或3000平方米）", "Roughly how much area is needed? (e.g. 20 mu, or 3,000 square metres)", true);
    public static readonly Slot Location = new("location", "位置/园区", "Location", "希望的位置或所在园区是？", "Which location or industrial park?", true);
    public static readonly Slot LandUse = new("landUse", "用途", "Use", "用地或厂房准备做什么用？（例如：新建厂房、仓储、研发）", "What will the land or building be used for?", true);
    public static readonly Slot Amount = new("amount", "资金需求", "Amount", "大约需要多少资金？（例如：300万元）", "How much funding is needed? (e.g. 3 million yuan)", true);
    public static readonly Slot Purpose = new("purpose", "资金用途", "Purpose", "资金主要用于什么？（例如：采购原材料、设备投入、转贷）", "What is the money for?", true);
    public static readonly Slot Deadline = new("deadline", "时限要求", "Needed by", "希望在什么时间前解决？（例如：月底前、下周三之前）", "By when do you need it solved? (e.g. by the end of the month)", true);
    public static readonly Slot Headcount = new("headcount", "人数", "Headcount", "大约涉及多少人？", "How many people does it concern?", true);
    public static readonly Slot Positions = new("positions", "岗位/工种", "Positions", "需要哪些岗位或工种？", "Which positions or trades?", true);
    public static readonly Slot ApprovalItem = new("approvalItem", "审批事项", "Approval", "具体是哪项审批、许可或证照？", "Which approval, permit or licence is it?", true);
    public static readonly Slot Project = new("project", "涉及项目", "Project", "涉及哪个项目？", "Which project does it concern?", true);
    public static readonly Slot StuckAt = new("stuckAt", "目前进展", "Where it stands", "目前办到哪一步、卡在哪个环节？", "Where does it stand now — which step is stuck?", true);
    public static readonly Slot EnergyKind = new("energyKind", "能源类别", "Kind", "涉及哪类能源？（用电增容、用气、用水或用能指标）", "Which kind: electricity capacity, gas, water, or energy-use quota?", true);
    public static readonly Slot Capacity = new("capacity", "容量/指标", "Capacity", "需要的容量或指标大约是多少？（例如：2000千伏安、年用能5000吨标准煤）", "How much capacity or quota is needed?", true);

    public static readonly Slot Concerns = new("concerns", "企业关心的问题", "Questions", "", "", true);
    public static readonly Slot Urgency = new("urgency", "紧急情况", "Urgency", "", "", true);

    /// <summary>Company, name and phone in one question, when more than one of them is missing.</summary>
    public static readonly Slot ContactAll = new("contact", "联系方式", "Contact details",
        "请留下贵企业的名称、您的称呼和联系电话，方便承办部门与您联系（可以在一条消息里发送，例如：常州宏晟纺织有限公司，刘先生，138 0615 2947）。",
        "Please leave your company's name, your name and a phone number so the department can reach you (all in one message is fine).", false);

    public static readonly IReadOnlyList<Slot> Contact = [Company, CreditCode, ContactName, Phone];

    /// <summary>The details a department may want for a category, in the order the summary shows them.</summary>
    public static IReadOnlyList<Slot> DetailsFor(string? category) => category switch
    {
        "land" => [Area, Location, LandUse, Project],
        "financing" => [Amount, Purpose],
        "hiring" => [Headcount, Positions],
        "approval" => [ApprovalItem, Project, StuckAt],
        "energy" => [EnergyKind, Capacity],
        _ => [],
    };

    /// <summary>Every detail there is, so one stated for another category (an amount on a technology request) still shows.</summary>
    public static IReadOnlyList<Slot> Details { get; } = [Area, Location, LandUse, Amount, Purpose, Headcount, Positions, ApprovalItem, Project, StuckAt, EnergyKind, Capacity, Deadline];

    public static IReadOnlyList<Slot> All { get; } =
        [Need, Category, Company, CreditCode, ContactName, Phone, Area, Location, LandUse, Amount, Purpose, Deadline, Headcount, Positions, ApprovalItem, Project, StuckAt, EnergyKind, Capacity, Concerns, Urgency, ContactAll];

    public static Slot? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}
