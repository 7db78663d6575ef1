namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>融资: loans, credit, guarantees, 贴息, bridge and roll-over funds, pledges, listing, funds and bonds.</summary>
internal static class FinancingCues
{
    public const string Table = """
        6: 贷款贴息 贴息贷款 贷款利息补贴 贴息
        5: 贷款 代偿 转贷 应急转贷 转贷资金 过桥 过桥资金 过桥贷款 续贷 无还本续贷 抽贷 断贷 压贷 停贷 展期 授信 信用贷 抵押贷
        5: 苏科贷 高企贷 专精特新贷 科技贷 人才贷 税易贷 银税互动 普惠贷款 创业担保贷款 政银担 首贷 知识产权质押 专利质押
        5: 股权质押 质押贷款 质押融资 供应链金融 应收账款融资 应收账款质押 订单融资 仓单质押 融资租赁 保理 票据贴现 承兑
        5: 上市 ipo 辅导备案 上市辅导 北交所 科创板 创业板 新三板 港股 主板 挂牌上市 过会 保荐 券商 拟上市
        5: 产业基金 引导基金 天使基金 创投 风投 股权融资 股权投资 私募 债券 发债 绿色债券 公司债 企业债 可转债 中期票据
        5: 融资 融资担保 担保公司 政府性融资担保 资金周转 周转资金 流动资金 资金缺口 资金链 纾困资金 纾困 银企对接 政银企对接
        4: 银行 担保 抵押物 抵押 反担保 利率 降息 征信 还款 还贷 还银行 借款 借钱 借贷 贷 放款 金融办 金融局 地方金融
        6~ (用|拿|以).{0,10}(质押|抵押)(贷款|融资|借款)?
        6: 无抵押 信用贷款 政策性担保 风险补偿 风险池 资金池 风险补偿资金池 质押 专利质押 专利权质押 商标质押 商标权质押
        4: 应收账款 并购 兼并重组
        6: 证券化 资产证券化 知识产权证券化
        3: 催款 撑不下去 扛不住 快倒闭
        3~ (客户|下游).{0,4}(不付钱|不给钱|拖款|不结账|不回款)
        4: 资本市场 投资机构 投资人 基金 募资 融资需求 授信额度 垫资 周转 资金压力 资金困难 资金紧张
        3: 利息 投资方 估值 路演 董秘
        2.5: 资金
        2: 回款 账期 额度
        1.5: 钱
        2: 金融 缺口 合规证明
        5~ (钱|资金|现金|流动性)[^,，。;；!！?？\n]{0,6}(不够|紧|周转不开|转不开|短缺|不足|吃紧|断了|困难|缺口|链)
        5~ 贷不(下来|到|出)
        5~ (抵押物|担保物|抵押).{0,4}(不够|不足|没有|不认)
        4~ 账上.{0,4}(没钱|钱不够|没.{0,2}钱)
        4~ (没钱|缺钱|差钱)
        4~ (剩|只有|不够|没有|缺|差|拿不出)[^,.。;!?]{0,8}钱
        4~ 回款.{0,4}(慢|难|拖|延迟|收不回)
        4~ 发不出.{0,2}工资
        4~ 工资.{0,3}(发不出|发不了|开不出)
        4~ (银行|行里).{0,8}(不给|不肯|不批|不认|降|压|收|催)
        5: loan loans bank_loan credit_line financing funding bridge_loan working_capital collateral pre-ipo listing
        5: green_bond bond bonds abs co-invest venture_capital vc_fund industry_fund guarantee interest_rate refinancing
        4: bank banks investor investors fund equity series_a angel credit lender
        """;
}
