using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// Details a request already names in the user's words, so they are shown and never asked for: the approval
/// ("安评"), the positions ("电工焊工"), the kind of energy, where the money goes, the park. Every value is the
/// user's own wording, never a paraphrase.
/// </summary>
public static partial class DetailCues
{
    public static IReadOnlyDictionary<string, string> In(string text, string? category)
    {
        text = Mended(text);
        var found = new Dictionary<string, string>();
        void Take(string slot, Match m)
        {
            if (m.Success && !found.ContainsKey(slot))
            {
                found[slot] = m.Value;
            }
        }

        switch (category)
        {
            case "approval":
                Take(Slots.ApprovalItem.Key, ApprovalItem().Match(text));
                Take(Slots.Project.Key, Project().Match(text));
                break;
            case "land":
                Take(Slots.Location.Key, Place().Match(text));
                Take(Slots.LandUse.Key, LandUse().Match(text));
                Take(Slots.Project.Key, Project().Match(text));
                break;
            case "financing":
                // "需要500万流动资金，主要用来买原材料": what the money is said to be for comes before the kind of loan.
                Take(Slots.Purpose.Key, Purpose().Matches(text).OrderByDescending(m => ForUse().IsMatch(text[Math.Max(0, m.Index - 4)..m.Index])).FirstOrDefault() ?? Match.Empty);
                break;
            case "hiring":
                var positions = Positions().Matches(text).Select(m => m.Value).Distinct().ToList();
                if (positions.Count > 0)
                {
                    found[Slots.Positions.Key] = string.Join("、", positions);
                }

                break;
            case "energy":
                if (EnergyKind(text) is { } kind)
                {
                    found[Slots.EnergyKind.Key] = kind;
                }

                Take(Slots.Capacity.Key, Capacity().Match(text));
                break;
        }

        return found;
    }

    /// <summary>The details worth asking for this request, in order: what the department needs to act on it.</summary>
    public static IReadOnlyList<Slot> Worth(string? category, string text) => WorthFor(category, Mended(text));

    /// <summary>The words as understanding reads them: width folded and the usual slips mended ("稳钢" is 稳岗, "转带" 转贷).</summary>
    private static string Mended(string text) => Understanding.Typos.Mend(Understanding.TextNormalizer.HalfWidth(text));

    private static IReadOnlyList<Slot> WorthFor(string? category, string text) => category switch
    {
        // A certificate, a permit, a contract or an idle plot: no area, place or use to ask about.
        "land" when LandProcedure().IsMatch(text) => [],
        "land" => [Slots.Area, Slots.Location, Slots.LandUse],
        // Listing, funds and bonds: the department calls about the plan; a subsidy on interest has its loan amount.
        "financing" when Listing().IsMatch(text) => [],
        "financing" when InterestSubsidy().IsMatch(text) => [Slots.Amount],
        "financing" => [Slots.Amount, Slots.Purpose, Slots.Deadline],
        // Refunds, social insurance, residence, schooling: nothing to count.
        "hiring" when HiringScheme().IsMatch(text) => [],
        "hiring" when Training().IsMatch(text) || Talent().IsMatch(text) => [Slots.Headcount],
        "hiring" => [Slots.Headcount, Slots.Positions, Slots.Deadline],
        // Where it is stuck is asked only of a procedure already under way.
        "approval" when UnderWay().IsMatch(text) => [Slots.ApprovalItem, Slots.StuckAt],
        "approval" => [Slots.ApprovalItem],
        "energy" when !CapacityNeed().IsMatch(text) && EnergyKind(text) is not null => [],
        "energy" when !CapacityNeed().IsMatch(text) => [Slots.EnergyKind],
        "energy" => [Slots.EnergyKind, Slots.Capacity],
        _ => [],
    };

    /// <summary>"用电" for capacity, transformers and 报装; "用气", "用水", "用能指标".</summary>
    public static string? EnergyKind(string text) =>
        EnergyQuota().IsMatch(text) ? "用能指标"
        : Gas().IsMatch(text) ? "用气"
        : Water().IsMatch(text) ? "用水"
        : Power().IsMatch(text) ? "用电"
        : null;

    [GeneratedRegex("卡在|卡住|卡了|没批|不批|退回|退件|补正|等了|还没|一直没|迟迟|进度|已经(提交|申请|报)|已(提交|申请|报)|审批中|办理中|受理了|拖了|多久能")]
    private static partial Regex UnderWay();

    [GeneratedRegex("企业开办|开公司|注册(一家|个)?新?公司|新注册|设立登记|环境影响评价|环评|安全评价|安评|职业病危害评价|节能审查|能评|水土保持|消防设计审查|消防验收|消防备案|施工许可证?|竣工验收|联合验收|规划许可证?|排污许可证?|食品经营许可证?|食品生产许可证?|危险化学品[\\u4e00-\\u9fff]{0,4}许可证?|危化品[\\u4e00-\\u9fff]{0,4}许可证?|医疗器械[\\u4e00-\\u9fff]{0,4}(许可证?|备案|注册证?)|特种设备[\\u4e00-\\u9fff]{0,4}(许可|登记|检验)|辐射安全许可证?|道路运输(经营)?许可证?|营业执照|项目备案|企业投资项目备案|ODI备案|境外投资备案|资质(转移|延续|升级|申请)?|工商变更|变更登记|年报|卫生许可证?|药品经营许可证?|取水许可|林地使用|人防")]
    private static partial Regex ApprovalItem();

    [GeneratedRegex("[\\u4e00-\\u9fffA-Za-z0-9]{2,12}项目(?!备案)")]
    private static partial Regex Project();

    [GeneratedRegex("[\\u4e00-\\u9fff-[想在要去到找的了我们是有和与及再把从给让里]]{2,10}?(产业园|工业园区?|科技园|园区|开发区|高新区|经开区|综保区|保税区|新区|科技城|街道|镇|乡)|高新区|经开区|开发区|综保区|保税区|科技城")]
    private static partial Regex Place();

    [GeneratedRegex("新建厂房|建厂房|盖厂房|建新厂|扩建厂房|仓储|仓库|物流中心|研发中心|研发楼|办公楼|新产线|生产线|扩产|扩大生产|建设二期|二期项目")]
    private static partial Regex LandUse();

    [GeneratedRegex("资金周转|周转资金|周转|流动资金|采购原材料|买原材料|原材料采购|购买设备|购置设备|设备采购|设备更新|技术改造|技改|转贷|续贷|过桥|归还到期贷款|还贷|发工资|发放工资|扩大生产|扩产|新建产线|研发投入|项目建设")]
    private static partial Regex Purpose();

    [GeneratedRegex("用来|用于|用在|拿来|用作|是为了")]
    private static partial Regex ForUse();

    [GeneratedRegex("普工|操作工|电焊工|焊工|电工|钳工|车工|铣工|叉车工|叉车司机|装配工|包装工|质检员?|仓管员?|缝纫工|数控操作工|数控|CNC|技术员|技工|工程师|研发人员|设计师|程序员|销售(人员|代表)?|业务员|客服|会计|出纳|文员|司机|保安|保洁|厨师|维修工|学徒|管理人员|博士|硕士|本科生|大学生|实习生|护工|营业员|服务员|\\b(welders?|electricians?|fitters?|machinists?|(forklift|truck) drivers?|drivers?|operators?|technicians?|engineers?|assemblers?|inspectors?|sales (staff|people)|salespeople|accountants?|cleaners?|cooks?|apprentices?|(general )?workers)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex Positions();

    [GeneratedRegex("\\d[\\d,.]*\\s*(千伏安|kVA|KVA|kva|千瓦|kW|KW|兆瓦|MW|吨标准煤|吨标煤|立方米?|方/天|方每天|吨/天|吨每天)")]
    private static partial Regex Capacity();

    [GeneratedRegex("不动产证|不动产权证|不动产登记|产权证|房产证|土地证|办证|规划许可|规划调整|规划变更|容积率|合同纠纷|出让合同|违约|纠纷|闲置|低效用地|过户|分割|土地款|土地出让金|税费|收回|退地")]
    private static partial Regex LandProcedure();

    [GeneratedRegex("上市|北交所|科创板|创业板|主板|港股|新三板|挂牌|IPO|辅导备案|股改|债券|发债|产业基金|引导基金|股权投资|风投|天使投资", RegexOptions.IgnoreCase)]
    private static partial Regex Listing();

    [GeneratedRegex("贴息")]
    private static partial Regex InterestSubsidy();

    [GeneratedRegex("稳岗|返还|社保|补缴|缓缴|落户|入学|子女|上学|工作许可|外籍|综合工时|工伤|劳动仲裁|公积金|就业补贴|社会保险")]
    private static partial Regex HiringScheme();

    [GeneratedRegex("培训|以工代训|订单班|学徒|技能提升|技能鉴定|职业技能")]
    private static partial Regex Training();

    [GeneratedRegex("人才|博士|硕士|公寓|安居|引才|高层次")]
    private static partial Regex Talent();

    [GeneratedRegex("增容|扩容|报装|新装|接入|变压器|专线|容量|千伏安|kVA|指标|用能|用气量|气量不够|气不够|电不够|水不够|不够用|供不上|开不起来", RegexOptions.IgnoreCase)]
    private static partial Regex CapacityNeed();

    [GeneratedRegex("能耗指标|用能指标|能耗|用能|标准煤|标煤|节能审查|能评")]
    private static partial Regex EnergyQuota();

    [GeneratedRegex("天然气|燃气|用气|气源|气压|供气|管道气|LNG", RegexOptions.IgnoreCase)]
    private static partial Regex Gas();

    [GeneratedRegex("用水|供水|水压|自来水|水管|排水")]
    private static partial Regex Water();

    [GeneratedRegex("电|变压器|千伏安|kVA|光伏|绿电|储能|充电", RegexOptions.IgnoreCase)]
    private static partial Regex Power();
}
