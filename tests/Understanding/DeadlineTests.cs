namespace Assistant.Tests.Understanding;

/// <summary>The time by which the outcome is needed, verbatim with its qualifiers; background and past times are not deadlines.</summary>
public sealed class DeadlineTests
{
    [Theory]
    [InlineData("外资企业设立登记拟于下周三之前完成", "下周三之前")]
    [InlineData("力争5月20日前取得施工许可", "5月20日前")]
    [InlineData("想赶在年底前签合同", "年底前")]
    [InlineData("希望三个月内能办下来", "三个月内")]
    [InlineData("客户等着要货，最晚九月份就得投产", "最晚九月份")]
    [InlineData("希望下个月能拿到证", "下个月")]
    [InlineData("一笔1200万元贷款将于6月30日到期，申请转贷", "6月30日")]
    [InlineData("二期工厂下个月投产，需要新增员工三百人", "下个月")]
    [InlineData("下周有安全生产检查，消防整改来得及吗", "下周")]
    [InlineData("高企资格明年到期了，重新认定要准备什么", "明年")]
    [InlineData("确保项目于明年3月前顺利投产", "明年3月前")]
    [InlineData("最好月底前能到位", "月底前")]
    [InlineData("能不能这周五之前恢复通行？", "这周五之前")]
    [InlineData("We need the bridge loan before the end of this month", "before the end of this month")]
    [InlineData("We need 40 skilled welders within two months", "within two months")]
    [InlineData("Our lease expires next year and we need a new plant", "next year")]
    [InlineData("贷款将于下月15日到期，申请无还本续贷", "下月15日")]
    [InlineData("厂子明年就要用了，闲置认定能不能缓一缓", "明年")]
    public void The_limit_or_forcing_date_is_kept_as_written(string text, string deadline) =>
        Assert.Equal(deadline, Shared.Understander.Understand(text).Entities.Deadline);

    [Theory]
    [InlineData("我们打算明年报辅导备案")]
    [InlineData("拟于明年申报北交所")]
    [InlineData("材料已于3月提交，到现在没消息")]
    [InlineData("工人春节后才能到岗")]
    [InlineData("当时合同约定两年内开工，后来因为疫情没建")]
    [InlineData("项目卡在环评，都快两个月了")]
    [InlineData("我们想申请高企，今年还能报吗")]
    [InlineData("去年底已经通过了验收，补贴还没到")]
    [InlineData("我们上个月交的材料，到现在没动静")]
    public void Background_plans_past_dates_and_durations_are_not_deadlines(string text) =>
        Assert.Null(Shared.Understander.Understand(text).Entities.Deadline);
}
