namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>能耗: energy-use quota, power capacity and connection, gas and water supply, prices, green power, saving.</summary>
internal static class EnergyCues
{
    public const string Table = """
        6: 能耗指标 用能指标 能源指标 用能权 能耗双控 能耗总量 单位能耗 能耗超标 降能耗 用能空间 用能需求 电力增容 用电增容
        6: 增容 扩容 报装 用电报装 电力接入 接入方案 供电方案 双回路 专线供电 变压器 变电站 电价 峰谷电价 差别电价 阶梯电价
        6: 惩罚性电价 绿电 绿电交易 绿证 分布式光伏 屋顶光伏 光伏电站 光伏并网 缺电 缺气 并网 储能 有序用电 错峰 错峰生产 错峰用电 限电 拉闸限电
        6: 用水指标 用水量 供水 管径 用气 供气 天然气 燃气 蒸汽 供热 节能诊断 节能改造 能源审计 碳排放 碳排放权 碳配额
        5: 光伏 能耗 用能 用电 供电 电力 电费 电网 国网 供电局 供电公司 电力公司 负荷 电容量 千伏安 kva 标准煤 吨标煤 标煤 能效
        4: 耗能 耗电 用电量 耗电量 用气量 高耗能 用水 自来水 水压 气压 节能 充电桩 碳达峰 碳中和 减碳 降碳 双碳
        6: 双电源 余热发电 余热利用 热电联产 污水处理能力 排水量
        4: 排水
        6: 需求侧响应 需求响应 削峰填谷 虚拟电厂 电压不稳 电压低 电压波动
        6~ (开|启动|一开).{0,8}(就|都)?跳闸
        6~ 电.{0,4}(不够|不足|跟不上|紧张|容量)
        6~ (气|水).{0,3}(不够用|供不上|不够|压力不足|压力不够)
        3~ 指标.{0,4}(不够|不足|紧张|没了|用完|超了)
        5~ [0-9.]+\s*(mw|kw|千瓦|兆瓦|kva|千伏安|kv)
        6: energy_quota power_supply power_capacity electricity green_power green_electricity grid_connection substation
        5: power energy grid solar pv kwh tariff gas_supply water_supply transformer
        2: capacity storage carbon
        """;
}
