namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>用地: land supply and transfer, standard factory space, idle land, planning permits, 不动产证.</summary>
internal static class LandCues
{
    public const string Table = """
        5: 用地 工业用地 建设用地 国有建设用地 集体建设用地 新型产业用地 用地指标 土地指标 用地规划 供地 拿地 缺地 征地
        5: 土地出让 出让合同 土地转让 土地使用权 土地证 土地款 土地出让金 宗地 地块 招拍挂 土地挂牌 挂牌出让 摘牌
        5: 标准厂房 厂房出租 厂房租赁 租厂房 买厂房 购买厂房 厂房回购 厂房分割 分割转让 分割办证 二手厂房 工业上楼
        5: 闲置土地 闲置用地 低效用地 低效土地 批而未供 土地盘活 盘活土地 收回土地 土地收回 闲置费 容积率 提容
        5: 规划许可 建设用地规划许可 建设工程规划许可 规划许可证 规划条件 规划调整 控规 规划红线 用地红线 建筑密度 绿地率
        6: 不动产证 不动产权证 不动产登记 房产证 厂房证 产权证 土地确权 确权 分户办证 办不了证 土地性质 土地用途 用地性质
        4: 土地 厂房 空地 地皮 工业地 m0 亩均评价 划拨 出让 土地合同 投资协议约定 退让 退界 红线 土地纠纷 土地证书 产权 规划核实
        5: 亩地 新地方 被拆 要拆 搬迁地
        4: 搬迁 warehouse
        5~ (找|换|租|买|物色).{0,4}(新地方|地方|场地|厂址|新厂址)
        5~ 租.{0,8}[0-9一二三四五六七八九十百千万.]+\s*(平|平米|平方|㎡|亩)
        4: 分租 转租 厂房转租 层高 大点的地方 更大的地方 一宗 合并办证
        5~ (地|地块|宗地|厂房|房产|不动产).{0,8}(合并|分割|办证|确权)
        5~ 换.{0,3}(地方|厂房|场地|厂址)
        3: 场地 用房 办公用房 办公场地 仓储用地 仓库用地 载体 物业用房 土地租金 厂房租金 租金 扩建 扩大厂区 新厂区 二期用地
        2: 仓库 规划 园区 产业园 厂区 空间 租赁 免租 分割 围墙 测绘 宅基地 拆迁
        1: 面积
        1: 扩产 亩 平米 平方米 平方
        5~ (周边|附近|旁边|园区|区里|这边|那边|哪里|哪儿|哪有).{0,8}(有没有|还有|有无|有).{0,4}(地|空地|地块|厂房)
        5~ (地|厂房|场地|仓库|空间).{0,4}(不够|太小|太挤|紧张|不足|紧缺)
        4~ (太挤|转不开身|放不下|堆不下|堆到|挤不下|没地方放|堆在外面)
        5~ (再|想|要|能|准备|打算|需要).{0,4}(拿|要|买|租|申请|征).{0,4}(一块|块|点|些|一些)?(地|土地|厂房)
        4~ 地.{0,6}(空着|闲着|荒着|长草|没人用|闲置)
        4~ (停产|倒闭|空置).{0,12}(地|厂房)
        4~ [0-9一二三四五六七八九十两百千万]+\s*亩(?!均)
        5: land land_use land_lease plot parcel factory_space plant_space workshop_space standard_factory property_certificate
        5: planning_permit zoning plot_ratio land_transfer industrial_land idle_land
        4: factory_building vacant_factory plant_site
        2: workshop
        3: lease warehouse_space acres sqm square_meters
        """;
}
