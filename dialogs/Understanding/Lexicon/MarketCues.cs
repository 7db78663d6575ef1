namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>市场: exhibitions, supply-chain matching, supplier lists, tenders and procurement, export, customers.</summary>
internal static class MarketCues
{
    public const string Table = """
        6: 展会 展位 展位费 参展 展销会 博览会 交易会 广交会 进博会 消博会 服贸会 组团参展 展会补贴 展位补贴
        6: 产业链对接 供需对接 产需对接 产销对接 供应商名录 供应商库 合格供应商 首购首用 招投标 招标 投标 中标 政府采购 采购目录
        6: 出口 外贸 跨境电商 海外市场 国际市场 ce认证 reach 反倾销 关税 贸易壁垒 出口信保 信保 找客户 找不到客户 拓展市场 开拓市场
        4: 市场
        3: 客户
        6: 招标文件 卖不出去 卖不动 滞销 没销路 接不到订单 订单下滑 订单少 销售难 booth_fee stand_fee
        5: 销路 销售渠道 推介 推介会 对接会 本地配套 产业链 整车厂 主机厂 商务局 贸促会 电商 进口 海关 报关
        6: 海外仓 实体清单 出口管制 trade_mission trade_delegation
        4: 制裁
        6: 国外认证 国际认证 出口认证 进超市 进商超 中欧班列 订舱 舱位
        5~ (客户|国外|海外|出口).{0,8}认证
        4: 没人知道 知名度 打广告 产品推广 商超 电商平台 海运费 集装箱 货代 港口 卖货 直播间 带货
        5: 订单流失 客户流失 丢了客户 丢客户 采购方 采购商 经销商 代理商 应急物资 产品上市 新品发布 品牌推广 直播带货
        4: 渠道
        3: 采购 供应链 上下游 汇率 海运 自贸 贸易 配套
        2: 订单 物流 销售
        1.5: 对接
        1: 外资
        6~ 中标.{0,12}(不签|没签|迟迟|拖|不给)
        6~ (招标|投标|中标|采购|评标).{0,20}(投诉|质疑|排斥|歧视|量身定做|门槛|不公平|围标|串标)
        5~ 对接.{0,10}(厂|龙头企业|大企业|链主|客户|买家|采购商)
        5~ (找不到|没有|缺|找|拓展|开拓).{0,4}(客户|订单|市场|买家|销路)
        5~ (对接|进入|打入|进).{0,8}(供应链|采购体系|供应商|整车厂|主机厂|医疗机构|国企|央企|大企业)
        6~ (注册|登记|入库|成为|申请成为)(成|为)?.{0,4}供应商
        6: exhibition exhibitions expo booth group_booth trade_fair trade_show messe tender tenders bidding procurement export
        6: exports cross-border buyers customers customer distributor overseas_market
        6: matchmaking supply_chain
        4: automakers oem market markets supplier suppliers e-commerce ce fair sales
        """;
}
