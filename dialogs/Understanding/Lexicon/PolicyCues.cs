namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>政策: 兑现 of awards and subsidies, 技改, 专精特新 and similar titles, 首台套, 升规, tax incentives.</summary>
internal static class PolicyCues
{
    public const string Table = """
        6: 加速折旧 一次性扣除 税前扣除 减半征收 即征即退 先征后退 六税两费 税收减免 免征 税收返还 个人所得税
        7: 研发费用加计扣除 加计扣除 城镇土地使用税 土地使用税 房产税 留抵退税 留抵 出口退税 缓缴税款 补缴税款
        6: 政策兑现 兑现 奖补资金 奖补 奖励资金 扶持资金 技改补贴 技改 技术改造 智能化改造 智改数转 数字化改造 设备补贴 设备奖补
        6: 专精特新 小巨人 瞪羚 独角兽 隐形冠军 单项冠军 智能工厂 智能车间 示范车间 数字化车间 灯塔工厂 绿色工厂 首台套 首批次
        6: 入统 纳统 上规入统 首版次 升规 小升规 规上 规模以上 亩均a类 亩均评价a类 税收优惠 减税 免税 退税 所得税 企业所得税 增值税 个税 印花税
        5: 优惠税率 税率
        6: 惠企政策 政策解读 免申即享 政策申报 政策咨询 政策匹配 再投资 两化融合 工业互联网 星级上云 服务型制造 质量奖 总部认定
        5: 税务 税费 减免 拨付 奖补政策 扶持政策 补助资金 专项资金 工信局 财政 政策支持 政策扶持 纾困政策
        4: 奖励
        2.5: 政策
        2: 申报指南 申报条件 申报通知 奖补标准
        3: 税 补贴 补助 资助 亩均 数字化转型 智能化 两业融合 上云
        2: 自动化
        1.5: 认定
        1: 申报
        5g~ (哪些|什么|啥).{0,4}(政策|优惠)
        3~ (哪些|什么|啥).{0,4}补贴
        5g~ 政策.{0,6}(看不懂|不清楚|搞不清|太多|不懂|解读|讲讲)
        5g~ (讲讲|讲一讲|介绍|解读|梳理|宣讲).{0,8}政策
        5g~ 享受.{0,6}(政策|优惠)
        4g~ (补贴|奖励|奖补|资金).{0,8}(没到|未到|还没|尚未|没发|没拨|没有到|不到账|没到账|拨付|发不发|什么时候发|啥时候发|还没发|没发)
        4: subsidy subsidies
        7: additional_deduction super_deduction
        4: deduction
        6: tax tax_credit tax_incentive vat_refund policy policies incentive incentives grant grants
        3: award awards refund rebate
        """;
}
