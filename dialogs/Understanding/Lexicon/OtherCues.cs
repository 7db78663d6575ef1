namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>其他: neighbours, roads and traffic, outages, security, environment, legal disputes, trademarks, 经营异常,
/// unkept 招商 promises, meetings and events, complaints about the service, general consultation.</summary>
internal static class OtherCues
{
    public const string Table = """
        7: 停电 断电 停水 断水 停气 断气 断网 突然停电 计划外停电 网络中断 信号差 没信号 信号不好 没有信号 网速慢
        6: 红绿灯 信号灯 公交 公交线路 公交站 通勤车 停车场 停车位 停车难 罚单 限行 交警 城管 路灯 修路 道路 交通 拥堵 堵车
        6: 治安 盗窃 被盗 被偷 偷东西 小偷 巡逻 派出所 报警 打架 环境卫生 垃圾 噪音 异味 扰民 油烟 粉尘 邻居 漏水 物业
        6: 合同纠纷 经济纠纷 纠纷 法律顾问 法律援助 律师 起诉 诉讼 官司 法院 仲裁 讨债 追讨 欠款 拖欠货款 欠货款 商标 商标侵权
        6: 经营异常 经营异常名录 异常名录 信用修复 失信 招商承诺 承诺不兑现 不认账 不认了 招商协议 招商部门 招商时 投资协议
        6: 工伤纠纷 家属闹 闹事 上访 没人回复 没人管 管不管 不作为 踢皮球 推诿 服务态度 上次反映 反映的问题 多次反映 整体情况
        6: 造谣 诽谤 名誉权 企业家培训 企业家沙龙 沙龙 峰会 联谊会 年会
        4: 声誉 企业家 恶意
        5: 气味 刺鼻 废气 烧东西 环保热线 臭味 工伤 侵权 假冒 冒用 诈骗 拜访 座谈 座谈会 论坛 讲座 营商环境 宽带 快递 安全隐患 防汛 积水 绿化 违建 拆违 路口 路面
        5: 弄坏 挖坏 挖断 损坏 冒充 乱收费 打不到车 交通不便 篮球赛 运动会 文体活动 联谊
        4: 太偏 比赛
        3: 食堂
        5: 消防通道 偷排 乱排 排污水 直排 水污染
        4~ 被.{0,6}(占|堵|占用)了
        4: 服务专员 企业服务 专员
        5: 提意见 提个意见 回复太慢 回复慢 效率太低 办事效率
        4: 跳闸 地铁 通勤 绕路 绕远 办公时间 上班时间 打不开 登不上 闪退 带宽 网速 光纤 断线 味道 排气 见面 法律 通行 大货车 污染 信号
        3: 闹 货款 投诉 活动 网络 楼上 楼下 货车 招商
        2: 承诺 答应 车辆
        1.5: 隔壁
        1: 情况 介绍
        0.5: 领导
        6~ (家属|家里人|家人|亲属).{0,8}(闹|堵|围|吵|索赔|要钱|讨说法)
        5~ 招商.{0,20}(说|答应|承诺|讲好|谈好|许诺)
        5~ (当初|当时|之前|原来|签约时).{0,24}(说|答应|承诺|讲好|许诺).{0,40}(现在|如今|结果|但是).{0,12}(说|不|变|没)
        4~ (按照|按|执行).{0,6}(协议|合同约定|当初)
        5~ (没这回事|不算数|不认账|反悔|说话不算|翻脸)
        5~ 系统.{0,4}(坏|崩|打不开|登不上|提交不了|用不了|卡)
        6~ 路.{0,4}(挖|堵|封|坏|坑|断|烂|不通)
        6~ (约|见|拜访|拜会).{0,4}(领导|书记|区长|市长)
        5~ (讲讲|介绍介绍|介绍一下|了解一下).{0,6}(情况|环境|这边)
        5~ (答应|承诺).{0,20}(不认|不兑现|没兑现|反悔|不算|不执行)
        6: cut_off water_cut power_outage no_water no_power outage blackout power_cut lawsuit lawyer legal dispute trademark traffic road parking police theft noise
        4: meeting visit complaint neighbor neighbour neighbouring neighboring smoke smell odor odour
        """;
}
