namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>Words that contain a cue but speak for no category ("电话" is not 电, "注册资本" is not registration): they take their span so the shorter cue inside is not counted.</summary>
internal static class NeutralCues
{
    public const string Table = """
        0: 电话 手机 电子 电池 电镀 电脑 电梯 电器 电机 电缆 电路板 新能源 能源汽车 注册资本 注册资金 实缴资本 营业收入 营收
        0: 产值 纳税额 上市公司 招商引资 承诺书 申请人 办公室 联系人 联系电话 微信 邮箱 地址 功能 智能 能力 可能 不能
        0: 费用 高新区 高新园区 高新技术产业开发区 市场价 市场化 路线图 思路 出路 一路 网站 网上 网络平台 治理 处理 代理 管理 总经理 经理 项目经理
        """;
}
