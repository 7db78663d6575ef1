namespace Assistant.Tests.Understanding;

/// <summary>Land in 亩 and floor space in square metres, as sought or at issue; current premises are background.</summary>
public sealed class AreaTests
{
    [Theory]
    [InlineData("想再拿一块地，大概二十亩左右", 20)]
    [InlineData("需用地约80亩", 80)]
    [InlineData("转让面积18.6亩", 18.6)]
    [InlineData("need 大概10亩 的 M0 用地", 10)]
    [InlineData("We need about 30 mu for a new plant", 30)]
    public void Mu_sought_are_recorded(string text, double mu) =>
        Assert.Equal((decimal)mu, Shared.Understander.Understand(text).Entities.AreaMu);

    [Theory]
    [InlineData("标准厂房还有吗 ５０００平", 5000)]
    [InlineData("想租1.5万平的仓库", 15000)]
    [InlineData("找一个约 3,000 ㎡ 的厂房", 3000)]
    [InlineData("我们就建个三千平的仓库，也要做水保？", 3000)]
    [InlineData("想买一栋标准厂房，面积在4000平方米左右", 4000)]
    public void Square_metres_sought_or_at_issue_are_recorded(string text, double sqm) =>
        Assert.Equal((decimal)sqm, Shared.Understander.Understand(text).Entities.AreaSqm);

    [Fact]
    public void Of_a_plot_partly_idle_the_idle_part_is_the_request()
    {
        const string text = "2018年拿了一块32亩的工业用地，还有大约12亩一直空着，现在要认定闲置，能不能给个缓冲期？";

        Assert.Equal(12m, Shared.Understander.Understand(text).Entities.AreaMu);
    }

    [Theory]
    [InlineData("我们现有厂房2万平，想了解一下园区政策")]
    [InlineData("亩均税收30万，能评A类吗")]
    [InlineData("宗地面积差了两亩多，办不了证")]
    [InlineData("我们想要1000到2000平的厂房")]
    [InlineData("想租个小点的厂房，三五百平就行")]
    public void Background_premises_per_mu_figures_and_vague_areas_are_not_recorded(string text)
    {
        var entities = Shared.Understander.Understand(text).Entities;

        Assert.Null(entities.AreaMu);
        Assert.Null(entities.AreaSqm);
    }
}
