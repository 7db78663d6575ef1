namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>科技: 高企, R&amp;D subsidies, research platforms, university co-operation, transfer, patents, vouchers.</summary>
internal static class TechnologyCues
{
    public const string Table = """
        6: 高企 高新技术企业 高企认定 高新认定 高企复审 高新复审 研发费用补助 研发补助 研发补贴 研发奖补 研发投入补助 研发资助
        6: 研发平台 工程技术研究中心 工程技术中心 工程研究中心 重点实验室 新型研发机构 院士工作站 博士后工作站 博士后科研工作站
        6: 产学研 科技成果转化 成果转化 技术转让 专利转让 专利 pct 技术合同登记 技术合同 技术交易 科技型中小企业 科技型企业
        6: 创新券 科技创新券 大型仪器 共享仪器 仪器共享 科学仪器 检测平台 中试平台 中试基地 孵化器 众创空间 科技局 科技项目
        6: 重点研发计划 科技计划 科技计划项目 揭榜挂帅 技术攻关 关键核心技术 科技进步奖 科技奖 企业技术中心 研发中心 科技小巨人
        5: 第三方检测 软件测评 第三方测评
        4: 测评
        5: 实验室 科研 研发机构 发明专利 实用新型 知识产权贯标 软件著作权 软著 技术难题 科研院所 中试 小试 样机 新产品鉴定
        4: 高新 研发 高校 研究院 科技创新 技术合作 技术开发 校企合作 院士 科技 雏鹰 研究所
        3: 技术
        2: 专家 大学 学院 知识产权 检验检测 检测 测试 创新
        4~ (新工艺|新技术|技术|工艺|发明|成果|专利).{0,12}(评|申报|拿|报).{0,4}奖
        6~ 研发.{0,12}(补贴|补助|资助|奖励|奖补|支持|拿.{0,2}钱)
        5~ (跟|和|与).{0,8}(高校|大学|学院|研究院|研究所|科研院所).{0,6}(合作|共建|联合)
        6: r&d high-tech hnte patent patents tech_transfer technology_transfer innovation_voucher incubator laboratory lab
        4: research university technology
        """;
}
