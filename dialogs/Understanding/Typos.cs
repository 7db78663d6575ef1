namespace Assistant.Dialogs.Understanding;

/// <summary>Homophone and look-alike slips that pinyin input produces (代款 for 贷款). Each fix has the same length as the
/// slip so offsets survive; words that are also correct Chinese are fixed only inside a longer context.</summary>
internal static class Typos
{
    private const string Table = """
        代款 贷款, 带款 贷款, 转带 转贷, 续带 续贷, 抽带 抽贷, 借带 借贷, 贷欵 贷款,
        贴希 贴息, 贴习 贴息, 贴西 贴息, 贴悉 贴息, 姿金 资金, 咨金 资金, 融姿 融资, 熔资 融资, 融咨 融资,
        抵压 抵押, 低押 抵押, 担宝 担保, 单保 担保, 受信 授信, 授心 授信, 银航 银行, 过侨 过桥, 上世公司 上市公司,
        场房 厂房, 厂坊 厂房, 长房 厂房, 标准厂方 标准厂房, 租厂方 租厂房, 土低 土地, 容积律 容积率,
        溶积率 容积率, 容计率 容积率, 不动产正 不动产证, 不动产症 不动产证, 房产正 房产证, 闲至 闲置, 闲制 闲置,
        归划 规划, 分隔 分割, 工业用低 工业用地, 建设用低 建设用地, 广交汇 广交会, 交意会 交易会, 项目备按 项目备案, 备按证 备案证, 培驯 培训, 光付发电 光伏发电, 光付板 光伏板, 登计 登记, 供应练 供应链, 租经 租金, 将补 奖补, 博览汇 博览会, 交易汇 交易会, 展销汇 展销会,
        稳钢 稳岗, 稳刚 稳岗, 稳港 稳岗, 稳纲 稳岗, 招骋 招聘, 招娉 招聘, 社宝 社保, 设保 社保, 社包 社保, 焊功 焊工,
        普功 普工, 技功 技工, 员功 员工, 用功 用工, 陪训 培训, 赔训 培训, 培迅 培训, 培巡 培训, 人材 人才,
        落沪 落户, 落护 落户, 缓交社保 缓缴社保, 以工带训 以工代训, 以工代迅 以工代训, 劳务排遣 劳务派遣,
        演收 验收, 验受 验收, 严收 验收, 验手 验收, 环平 环评, 环坪 环评, 环凭 环评, 消访 消防, 能平报告 能评报告, 做能平 做能评, 能平审批 能评审批,
        审皮 审批, 申批 审批, 许克 许可, 许课 许可, 被案 备案, 资制 资质, 资治 资质, 执找 执照,
        营业直照 营业执照, 营业执招 营业执照, 营业执造 营业执照, 展慧 展会, 年保 年报, 合同等级 合同登记, 工商等级 工商登记, 变更等级 变更登记, 设立等级 设立登记,
        注册等级 注册登记, 不动产等级 不动产登记, 产权等级 产权登记, 排污等级 排污登记, 等级注册 登记注册,
        扩荣 扩容, 增荣 增容, 扩溶 扩容, 增溶 增容, 曾容 增容, 光扶 光伏,
        绿店 绿电, 电家 电价, 点价 电价, 降能好 降能耗, 单位能好 单位能耗, 能好指标 能耗指标, 能好超标 能耗超标,
        能好太高 能耗太高, 能号 能耗, 能毛 能耗, 天然汽 天然气, 储鞥 储能,
        计术 技术, 技数 技术, 技朮 技术, 专力 专利, 专例 专利, 研法 研发, 研伐 研发, 检侧 检测, 转话 转化, 创新卷 创新券,
        创新劵 创新券, 孵话 孵化, 高企认证 高企认定,
        政测 政策, 政册 政策, 正策 政策, 证策 政策, 政侧 政策, 政厕 政策, 不贴 补贴, 补帖 补贴, 布贴 补贴, 补铁 补贴,
        捕贴 补贴, 兑线 兑现, 兑先 兑现, 专精特心 专精特新, 专经特新 专精特新, 专精特信 专精特新,
        专精持新 专精特新, 小巨仁 小巨人, 技该 技改, 计改 技改, 退锐 退税, 留底退税 留抵退税, 加计口除 加计扣除,
        加记扣除 加计扣除, 加计扣出 加计扣除, 城真 城镇, 奖不资金 奖补资金, 减面 减免, 房产锐 房产税, 所得锐 所得税,
        站位 展位, 展辉 展会, 展汇 展会, 参战 参展, 招表 招标, 投表 投标, 采够 采购, 外冒 外贸,
        客护 客户, 电伤 电商, 供需对结 供需对接,
        影向 影响, 申亲 申请, 申情 申请, 申清 申请, 推建 推荐, 帮盲 帮忙, 协掉 协调, 斜调 协调, 部们 部门, 投述 投诉,
        政付 政府, 政俯 政府, 怎么半 怎么办, 咨洵 咨询, 资询 咨询
        """;

    private static readonly (string Slip, string Fix)[] Fixes = Parse();

    public static string Mend(string text)
    {
        foreach (var (slip, fix) in Fixes)
        {
            if (text.Contains(slip, StringComparison.Ordinal))
            {
                text = text.Replace(slip, fix, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static (string, string)[] Parse()
    {
        var fixes = Table.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2 && parts[0] != parts[1])
            .Select(parts => (parts[0], parts[1]))
            .OrderByDescending(p => p.Item1.Length)
            .ToArray();
        var uneven = fixes.FirstOrDefault(f => f.Item1.Length != f.Item2.Length);
        return uneven == default
            ? fixes
            : throw new InvalidOperationException($"Typo fix \"{uneven.Item1}\" → \"{uneven.Item2}\" changes the length.");
    }
}
