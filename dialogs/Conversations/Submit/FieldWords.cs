namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>How people name the fields of a request when they correct one ("电话改成…", "不需要时限").</summary>
public static class FieldWords
{
    /// <summary>Word → slot key, longest first so "资金用途" wins over "资金" and "用途".</summary>
    private static readonly (string Word, string Slot)[] Words = Order(
    [
        ("统一社会信用代码", "creditCode"), ("社会信用代码", "creditCode"), ("信用代码", "creditCode"), ("社会代码", "creditCode"),
        ("联系电话", "phone"), ("手机号码", "phone"), ("电话号码", "phone"), ("联系方式", "phone"), ("手机号", "phone"), ("电话", "phone"), ("手机", "phone"), ("号码", "phone"),
        ("联系人", "contactName"), ("称呼", "contactName"), ("姓名", "contactName"),
        ("企业名称", "company"), ("公司名称", "company"), ("公司全称", "company"), ("单位名称", "company"), ("企业全称", "company"), ("公司名字", "company"), ("公司名", "company"), ("企业名", "company"),
        ("资金需求", "amount"), ("贷款金额", "amount"), ("融资金额", "amount"), ("申请金额", "amount"), ("金额", "amount"), ("额度", "amount"), ("贷款", "amount"), ("资金", "amount"),
        ("用地面积", "area"), ("面积", "area"), ("亩数", "area"),
        ("招聘人数", "headcount"), ("人数", "headcount"),
        ("时限要求", "deadline"), ("时间要求", "deadline"), ("截止时间", "deadline"), ("完成时间", "deadline"), ("时限", "deadline"), ("期限", "deadline"), ("时间", "deadline"),
        ("位置", "location"), ("地址", "location"), ("园区", "location"), ("地点", "location"),
        ("资金用途", "purpose"), ("用途", "use"),
        ("岗位", "positions"), ("工种", "positions"),
        ("审批事项", "approvalItem"), ("审批", "approvalItem"),
        ("项目名称", "project"), ("项目", "project"),
        ("目前进展", "stuckAt"), ("进展", "stuckAt"),
        ("能源类别", "energyKind"), ("能源种类", "energyKind"),
        ("容量", "capacity"), ("指标", "capacity"),
        ("诉求内容", "need"), ("诉求类别", "category"), ("类别", "category"),
    ]);

    public static IEnumerable<string> All => Words.Select(w => w.Word);

    /// <summary>The slot a field word names; "用途" is the land's use or the money's purpose, by category.</summary>
    public static string? Slot(string word, string? category)
    {
        var slot = Words.FirstOrDefault(w => w.Word == word).Slot;
        return slot == "use" ? (category == "financing" ? Slots.Purpose.Key : Slots.LandUse.Key) : slot;
    }

    private static (string, string)[] Order((string, string)[] words) => [.. words.OrderByDescending(w => w.Item1.Length)];
}
