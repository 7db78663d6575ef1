namespace Assistant.Tests.Understanding;

/// <summary>The people a hiring, training or talent request is about; groups are summed, workforce totals are background.</summary>
public sealed class HeadcountTests
{
    [Theory]
    [InlineData("招20个普工", 20)]
    [InlineData("急需招聘操作工两百人", 200)]
    [InlineData("需要新增一线员工大约三百人、技术员四十人", 340)]
    [InlineData("direct labor 缺口 150 人，indirect 30 人，能否协助对接劳务基地？", 180)]
    [InlineData("我公司新引进博士2名、硕士6名，申请人才安居补贴", 8)]
    [InlineData("新招录员工65人，申请以工代训补贴", 65)]
    [InlineData("我们要引进 3 个 PhD，人才公寓怎么申请", 3)]
    [InlineData("想办一个订单班，40个人左右", 40)]
    [InlineData("这次招了45个，岗前培训有补贴吗", 45)]
    [InlineData("打算招一批大学毕业生，大概30个", 30)]
    [InlineData("需要焊工15名、钳工10名", 25)]
    public void People_to_hire_train_or_claim_for_are_counted(string text, int people) =>
        Assert.Equal(people, Shared.Understander.Understand(text).Entities.Headcount);

    [Theory]
    [InlineData("急招普工30到50人", 50)]
    [InlineData("招聘焊工10-15名", 15)]
    [InlineData("需要普工二十到三十人", 30)]
    [InlineData("新厂投产，需要普工三四十个", 40)]
    [InlineData("想招人，大概要个二三十人", 30)]
    [InlineData("我们要招一百二十个普工，下个月到岗", 120)]
    [InlineData("需要工人一百五，春节后到岗", 150)]
    public void A_range_counts_by_its_upper_end_and_numbers_in_words_are_read(string text, int people) =>
        Assert.Equal(people, Shared.Understander.Understand(text).Entities.Headcount);

    [Theory]
    [InlineData("我公司现有员工420人，想了解稳岗返还")]
    [InlineData("现有高级工以上技能人才120名，请问申报条件")]
    [InlineData("研发人员现在15个，够不够申请高企")]
    [InlineData("宿舍只能住两百人")]
    [InlineData("现有员工三四百人，订单下滑")]
    [InlineData("要招一百来号人")]
    [InlineData("我们厂有七十多号人，想招十几个学徒")]
    [InlineData("我们厂七十多号人，订单下滑")]
    [InlineData("我们有 20 多个 part-time，社保要不要交")]
    [InlineData("有个老员工工伤了，家里人天天来闹")]
    [InlineData("审批已经 7 个工作日了还没动静")]
    public void Workforce_counts_capacity_and_vague_numbers_are_not_recorded(string text) =>
        Assert.Null(Shared.Understander.Understand(text).Entities.Headcount);
}
