namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>审批: permits, 环评 and 能评 procedures, fire and completion acceptance, company registration, licences, filing.</summary>
internal static class ApprovalCues
{
    public const string Table = """
        6: 能评 节能审查 节能评估 能评报告 能评审批 施工许可 施工许可证 环评 环评批复 环评报告 环境影响评价 环评手续
        6: 消防验收 消防审验 消防设计审查 消防备案 竣工验收 联合验收 竣工备案 施工图审查 图审 水土保持 水保方案 安评 职业卫生评价
        6: 企业开办 开办企业 开公司 注册公司 新注册 设立登记 变更登记 注销登记 工商登记 工商变更 营业执照 执照 年报 企业年报
        6: 食品经营许可 食品生产许可 食品许可 卫生许可 危化品 危险化学品 安全生产许可 医疗器械注册 医疗器械经营 二类注册证 注册证
        6: 特种设备 辐射安全许可 排污许可 排污登记 道路运输许可 道路运输经营许可 药品经营许可 生产许可证 工业产品生产许可 经营许可
        6: 项目备案 投资项目备案 企业投资项目备案 境外投资备案 odi 项目核准 核准 资质 资质转移 资质延续 资质升级 资质证书
        6: 审批 审批进度 并联审批 告知承诺 承诺制 容缺受理 容缺 行政审批 行政审批局 政务服务 一网通办 网办 全程网办 审批局
        5: 许可证 许可 证照 验收 备案 刻章 银行开户 经营范围 名称核准 名称预核准 法人变更 股权变更 注册地址 地址变更 迁移 外资企业设立
        6: 股东变更 股权变更登记 法定代表人变更 法人代表变更 董事变更 监事变更 章程变更 增资 减资 注册资本变更 工商
        5: 市场监管局 市场监管 道路运输 前置审批 烟草专卖 酒类许可 报建 人防 节能报告 安全评价 待审核
        4: 消防 批复 核发 换证 告知单
        3: 办证 审核 受理 放行 开办 注册 开户 手续
        2: 卡住 卡在 窗口 所需材料 变更
        1: 进度 办理
        1.5: 材料 流程 提交 网上提交
        1: 证 检查 一步 营业 延续
        6~ 办(哪些|什么|啥)(证|手续|许可)
        6~ 卡在.{0,6}(审批|环评|能评|备案|验收|许可)
        5~ (审批|审核|备案|许可|验收).{0,6}(到哪|进度|多久|几天|一直|没动静|没进展|卡)
        3~ (到哪一步|进展到哪|没有动静|没动静|一点动静)
        6: permit permits license licence licensing business_license eia fire_inspection construction_permit registration
        4: approval approvals register filing inspection certificate
        """;
}
