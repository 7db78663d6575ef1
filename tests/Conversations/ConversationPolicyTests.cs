using Assistant.Dialogs.Conversations.Submit;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Conversations;

/// <summary>
/// The conversation as a good service-desk officer holds it, one pattern per test, written as the user types:
/// nothing asked that does not matter, nothing asked twice, nothing filed in the wrong field, corrections that take
/// the value they name, questions and urgency acknowledged, progress answered wherever it is asked.
/// </summary>
public sealed class ConversationPolicyTests(PostgresServer server) : ConversationContext(server)
{
    private const string Contact = "常州宏晟纺织有限公司，刘洋，138 0615 2947";

    [Fact]
    public async Task A_policy_request_is_not_asked_for_a_deadline_and_background_stays_in_the_request()
    {
        var chat = NewChat();

        var first = (await chat.Says("研发费用加计扣除今年怎么申报")).Text();
        var second = (await chat.Says("我们前年就报过一次，去年没报")).Text();

        Assert.DoesNotContain("什么时间", first + second, StringComparison.Ordinal);
        Assert.Contains("请留下贵企业的名称、您的称呼和联系电话", first, StringComparison.Ordinal);
        var draft = await Draft(chat);
        Assert.Null(draft!.Entities.Deadline);
        Assert.Contains("我们前年就报过一次，去年没报", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_asked_while_a_detail_is_asked_is_not_stored_as_that_detail()
    {
        var chat = NewChat();
        Assert.Contains("希望的位置或所在园区是？", (await chat.Says("想找二十亩工业用地建新厂房")).Text(), StringComparison.Ordinal);

        await chat.Says("这种一般要多久才能批下来？");

        var draft = await Draft(chat);
        Assert.False(draft!.Details.ContainsKey(Slots.Location.Key));
        Assert.Equal(["这种一般要多久才能批下来？"], draft.Concerns);
    }

    [Fact]
    public async Task A_short_question_about_what_the_user_just_said_is_recorded_with_it()
    {
        var chat = NewChat();
        await chat.Says("高企资格明年到期，重新认定要准备什么？");

        await chat.Says("我们研发人员有30个，够吗？");

        Assert.Equal(["我们研发人员有30个，够吗？"], (await Draft(chat))!.Concerns);
    }

    [Fact]
    public async Task A_description_of_the_business_given_while_the_approval_is_asked_stays_in_the_request()
    {
        var chat = NewChat();
        Assert.Contains("具体是哪项审批", (await chat.Says("有个审批一直卡着没批，能不能帮忙催一下")).Text(), StringComparison.Ordinal);

        await chat.Says("我们是做新能源电池的，今年刚投产");

        var draft = await Draft(chat);
        Assert.False(draft!.Details.ContainsKey(Slots.ApprovalItem.Key));
        Assert.Contains("我们是做新能源电池的", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_the_request_already_names_are_never_asked_for()
    {
        var hiring = NewChat();
        var asked = await Script(hiring, "厂里要招30个焊工和电工，下个月投产", Contact);
        Assert.DoesNotContain("岗位或工种", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("多少人", asked, StringComparison.Ordinal);
        Assert.Contains("岗位/工种：焊工、电工", asked, StringComparison.Ordinal);

        var approval = NewChat();
        var reply = (await approval.Says("安评报告交上去一个月了还没批")).Text();
        Assert.DoesNotContain("具体是哪项审批", reply, StringComparison.Ordinal);
        Assert.Equal("安评", (await Draft(approval))!.Details[Slots.ApprovalItem.Key]);
    }

    [Fact]
    public async Task Each_turn_acknowledges_once_and_no_question_is_asked_twice_in_a_row()
    {
        var chat = NewChat();
        await chat.Says("想在高新区租个两千平的标准厂房");

        var replies = await chat.Says("我们是无锡恒达精密机械有限公司，我姓刘");
        var again = await chat.Says("做汽车零部件的");

        Assert.Single(replies);
        Assert.DoesNotContain("这些情况已记下", replies.Text(), StringComparison.Ordinal);
        Assert.NotEqual(replies.Text(), again.Text());
        // An optional detail is asked once at most; a phone still missing is asked again, in other words.
        var draft = await Draft(chat);
        var optional = draft!.Asked.Where(a => Slots.Find(a) is { Optional: true }).ToList();
        Assert.Equal(optional.Distinct().Count(), optional.Count);
    }

    [Fact]
    public async Task A_progress_question_in_words_shows_the_latest_request_and_does_not_start_a_new_one()
    {
        var chat = NewChat();
        await Script(chat, "招20个普工，下个月要到岗", "泰州宏力重工有限公司，张伟，13606182453", "确认提交");
        var ticket = Assert.Single(await Tickets());

        foreach (var words in new[] { "进度怎么样了", "办到哪一步了？", "查一下我上次那个" })
        {
            var replies = (await chat.Says(words)).Text();
            Assert.Contains($"诉求编号：{ticket.Number}", replies, StringComparison.Ordinal);
            Assert.DoesNotContain("请确认您的诉求属于哪一类", replies, StringComparison.Ordinal);
        }

        Assert.Null(await Draft(chat));
    }

    [Fact]
    public async Task A_progress_question_in_the_middle_of_a_new_request_is_answered_and_the_request_goes_on()
    {
        var chat = NewChat();
        await Script(chat, "招20个普工，下个月要到岗", "泰州宏力重工有限公司，张伟，13606182453", "确认提交");
        var earlier = Assert.Single(await Tickets());
        Assert.Contains("大约需要多少资金？", (await chat.Says("另外想申请贷款贴息")).Text(), StringComparison.Ordinal);

        var replies = (await chat.Says("上次那个办到哪了")).Text();

        Assert.Contains($"诉求编号：{earlier.Number}", replies, StringComparison.Ordinal);
        Assert.Contains("这件新诉求还没有提交，我们接着登记", replies, StringComparison.Ordinal);
        Assert.Contains("大约需要多少资金？", replies, StringComparison.Ordinal);
        Assert.Equal("financing", (await Draft(chat))!.Category);
    }

    [Fact]
    public async Task Someone_with_no_request_asking_for_progress_is_told_so_and_asked_for_a_number()
    {
        var replies = (await NewChat().Says("我的诉求进度怎么样了")).Text();

        Assert.Contains("您还没有通过本账号提交过诉求", replies, StringComparison.Ordinal);
        Assert.Contains("请输入诉求编号和查询码", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_for_a_number_someone_who_describes_a_new_problem_instead_is_helped_with_it()
    {
        var chat = NewChat();
        await chat.Says("查一下我上次那个");

        var replies = (await chat.Says("那我重新报一个吧：我们想申请首台套保险补偿")).Text();

        Assert.DoesNotContain("没有识别到诉求编号", replies, StringComparison.Ordinal);
        Assert.Equal("policy", (await Draft(chat))!.Category);
        Assert.DoesNotContain("上次那个", (await Draft(chat))!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_for_a_number_someone_who_mistypes_it_is_asked_again_not_taken_for_a_request()
    {
        var chat = NewChat();
        await chat.Says("我的诉求进度怎么样了");

        var replies = (await chat.Says("YQ2026-12 K7M4QX")).Text();

        Assert.Contains("没有识别到诉求编号", replies, StringComparison.Ordinal);
        Assert.Null(await Draft(chat));
    }

    [Fact]
    public async Task A_correction_takes_the_amount_it_names_not_the_other_number_in_the_sentence()
    {
        var chat = NewChat();
        await Script(chat, "需要流动资金贷款500万，月底前", Contact);

        var summary = (await chat.Says("贷款改成600万吧，另外300万我们自筹")).Text();

        Assert.Contains("已更新：资金需求 600万元。", summary, StringComparison.Ordinal);
        Assert.Equal(6_000_000m, (await Draft(chat))!.Entities.AmountCny);
    }

    [Theory]
    [InlineData("联系人换成李工", "联系人：李工")]
    [InlineData("联系人就是我，姓刘", "联系人：刘")]
    [InlineData("电话打错了，应该是13915556677", "联系电话：13915556677")]
    [InlineData("公司名称改成常州宏晟新材料有限公司", "企业名称：常州宏晟新材料有限公司")]
    [InlineData("地址不对，是武进高新区", "位置/园区：武进高新区")]
    [InlineData("面积改成三十亩", "用地面积：30亩")]
    public async Task A_correction_in_words_changes_the_field_it_names(string correction, string shown)
    {
        var chat = NewChat();
        await Script(chat, "想在新北区找二十亩地建仓库", Contact);

        var summary = (await chat.Says(correction)).Text();

        Assert.Contains(shown, summary, StringComparison.Ordinal);
        var draft = await Draft(chat);
        Assert.DoesNotContain(correction, draft!.Text, StringComparison.Ordinal);
        Assert.NotEqual("换成李工", draft.ContactName);
        Assert.NotEqual("我", draft.ContactName);
    }

    [Fact]
    public async Task An_optional_field_is_cleared_in_words_or_by_skipping_while_correcting_it()
    {
        var chat = NewChat();
        await Script(chat, "需要流动资金贷款500万，月底前", "常州宏晟纺织有限公司，信用代码91320411MA1W5XYX3X，刘洋，138 0615 2947");

        var cleared = (await chat.Says("不需要时限")).Text();
        Assert.Contains("已删除：时限要求", cleared, StringComparison.Ordinal);
        Assert.DoesNotContain("时限要求：", cleared, StringComparison.Ordinal);

        await Script(chat, "修改", "统一社会信用代码");
        var skipped = (await chat.Says("跳过")).Text();
        Assert.DoesNotContain("统一社会信用代码：", skipped, StringComparison.Ordinal);
        Assert.Contains("请核对您的诉求信息", skipped, StringComparison.Ordinal);
        Assert.Null((await Draft(chat))!.Entities.CreditCode);
    }

    [Fact]
    public async Task A_required_field_cannot_be_cleared_and_the_user_is_told_why()
    {
        var chat = NewChat();
        await Script(chat, "需要流动资金贷款500万，月底前", Contact);

        var replies = (await chat.Says("电话不用了")).Text();

        Assert.Contains("联系电话是承办部门联系您所必需的，不能删除", replies, StringComparison.Ordinal);
        Assert.Contains("联系电话：138 0615 2947", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enterprises_own_questions_are_acknowledged_once_and_filed_with_the_ticket()
    {
        var chat = NewChat();
        await chat.Says("想申请研发费用加计扣除");

        var first = (await chat.Says("我们这种情况能抵扣多少？需要准备哪些材料？")).Text();
        var again = (await chat.Says("我们这种情况能抵扣多少？")).Text();
        await Script(chat, Contact, "确认提交");

        Assert.Contains("您关心的“我们这种情况能抵扣多少”“需要准备哪些材料”已一并记录，承办部门答复时会给您说明。", first, StringComparison.Ordinal);
        Assert.DoesNotContain("您关心的", again, StringComparison.Ordinal);
        var ticket = Assert.Single(await Tickets());
        Assert.Equal("我们这种情况能抵扣多少？\n需要准备哪些材料？", ticket.Entities["concerns"]);
    }

    [Fact]
    public async Task An_urgent_situation_gets_a_word_of_understanding_and_an_urgent_ticket()
    {
        var chat = NewChat();

        var first = (await chat.Says("厂里突然停电了，生产线全停了，已经影响交货")).Text();
        await Script(chat, Contact, "确认提交");

        Assert.Contains("影响到生产经营确实很着急，这件诉求会标注为“紧急”，提醒承办部门优先处理。", first, StringComparison.Ordinal);
        Assert.DoesNotContain("什么时间", first, StringComparison.Ordinal);
        var ticket = Assert.Single(await Tickets());
        Assert.True(ticket.Urgent);
        Assert.Equal("other", ticket.Category);
    }

    [Fact]
    public async Task A_loan_falling_due_next_week_is_not_asked_when_it_is_needed()
    {
        var chat = NewChat();

        var first = (await chat.Says("我们有笔800万的贷款下周就到期了，想申请应急转贷")).Text();

        Assert.Contains("时间确实很紧", first, StringComparison.Ordinal);
        Assert.DoesNotContain("最晚什么时候", first, StringComparison.Ordinal);
        Assert.True((await Draft(chat))!.Urgent);
    }

    [Fact]
    public async Task Questions_that_do_not_matter_for_the_request_are_not_asked()
    {
        var certificate = await Script(NewChat(), "不动产证办了三个月还没下来");
        Assert.DoesNotContain("位置或所在园区", certificate, StringComparison.Ordinal);
        Assert.DoesNotContain("做什么用", certificate, StringComparison.Ordinal);

        var refund = await Script(NewChat(), "稳岗返还什么时候能到账");
        Assert.DoesNotContain("多少人", refund, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_stored_detail_has_a_row_on_the_summary()
    {
        var chat = NewChat();

        var summary = await Script(chat, "想参加明年的广交会，展位费预算20万元，能申请补贴吗？下个月底前要报名", Contact);

        Assert.Contains("诉求类别：市场", summary, StringComparison.Ordinal);
        Assert.Contains("资金需求：20万元", summary, StringComparison.Ordinal);
        Assert.Contains("时限要求：下个月底前", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_never_double_their_punctuation()
    {
        var chat = NewChat();

        var transcript = await Script(chat, "隔壁工地晚上施工太吵了！", "能不能管一管？", Contact);

        foreach (var doubled in new[] { "？。", "！。", "。。", "？？" })
        {
            Assert.DoesNotContain(doubled, transcript, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_complaint_is_taken_as_the_request_not_answered_with_a_greeting()
    {
        var replies = (await NewChat().Says("你们这个审批效率也太低了，材料交了一个月都没人理")).Text();

        Assert.DoesNotContain("您好！", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("请简单描述", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_conversation_is_answered_in_English_throughout()
    {
        var chat = NewChat(locale: "en-US");

        var transcript = await Script(chat, "We need 30 welders by next month for our new plant", "Suzhou Hengyuan Precision Co., Ltd., Mike Chen, 13800001234");

        Assert.DoesNotContain(transcript.Split('\n').Where(l => l.StartsWith("助手：", StringComparison.Ordinal)).SelectMany(l => l[3..]), c => c >= 0x4E00 && c <= 0x9FFF && !"有求必应".Contains(c, StringComparison.Ordinal));
        Assert.Contains("Please check your request", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_on_an_earlier_summary_card_is_answered_not_acted_on()
    {
        var chat = NewChat(channel: "directline");
        await Script(chat, "需要流动资金贷款500万，月底前", Contact);
        await chat.Says("金额改成300万");

        var stale = await chat.Submits(new { action = "submit", v = 1 });

        Assert.Contains("这张是之前的汇总卡片", stale.Text(), StringComparison.Ordinal);
        Assert.Empty(await Tickets());
        var latest = (await Draft(chat))!.CardVersion;
        Assert.Contains("诉求编号：", (await chat.Submits(new { action = "submit", v = latest })).Text(), StringComparison.Ordinal);
        Assert.Equal(3_000_000m, decimal.Parse(Assert.Single(await Tickets()).Entities["amount_cny"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
