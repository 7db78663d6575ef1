namespace Assistant.Dialogs.Understanding.Lexicon;

/// <summary>用工: recruiting, training and its subsidies, 稳岗, social insurance, talent, schooling, foreign staff.</summary>
internal static class HiringCues
{
    public const string Table = """
        6: 稳岗 稳岗补贴 稳岗返还 稳岗资金 以工代训 培训补贴 技能培训补贴 职业培训补贴 社保补贴 社保缓缴 缓缴社保 缓缴
        6: 工作许可 工作许可证 外籍 外国人 外籍专家 外籍人才 职业技术学院 职业学院 技师学院 职校 人才培养基地 技能人才培养 高技能人才培养基地 技能大师工作室 培养基地
        6: 人才公寓 人才住房 人才安居 安居补贴 人才引进 引进人才 人才补贴 人才政策 人才新政 人才落户 子女入学 子女上学
        5: 招聘 招工 招人 招聘会 招录 招用 用工 用工荒 招工难 招人难 缺人 缺工 人手 劳务 劳务派遣 劳务公司 劳务中介 劳务基地
        5: 劳务输出 劳务协作 订单班 学徒 学徒制 技能培训 职业技能 技能等级 技能等级认定 高技能人才 技能人才 技能大师 职称
        5: 社保 社会保险 五险一金 补缴 失业保险 残保金 就业补贴 吸纳就业 一次性吸纳 扩岗补助 灵活就业 外籍员工 外国人工作许可
        5: 外国专家 来华工作 综合工时 不定时工时 特殊工时 人社局 人社部门 职业院校 职业学校 技校 技工院校 校招 猎头 招才
        4: 人才 高层次人才 博士 硕士 应届生 毕业生 高校毕业生 大学生 实习生 普工 技工 焊工 电工 操作工 叉车工 缝纫工 一线员工
        4: 培训 入学 上学 落户 户口 积分入学 公租房 残疾人 就业 员工培训 海归 留学生 研究生 本科生 技术员
        6: 技能证书 职业资格证书 职业资格 考证补贴 技能补贴 见习补贴 就业见习 见习基地 实习补贴
        6: 企业年金 职业病
        4: 年金 体检
        5: 技术工人 技术人员 技术骨干 退役军人 工伤保险 入园 幼儿园 上幼儿园 孩子上学 孩子入学 防暑降温费 高温补贴 高温津贴
        4: 实习 到岗 上岗 流失率 留不住人 用人难
        2: 招
        3: 宿舍
        3: 工人 职工 薪资 劳动合同 劳动关系 公积金 医保 生活补贴 购房补贴 租房补贴 安家费 师傅 骨干 司机
        2: 年轻人 加班 人员 工伤 劳动仲裁 用人
        1.5: 员工 工资
        6~ 招(聘)?\s*[0-9一二三四五六七八九十两百几]+\s*(个|名|位|人)
        5~ 招(了|点|些|一批|一些|几个|不到|不来)
        5~ (找|请|雇)(不到|不来)(人|工人)
        5~ 缺的?(是|就是)(人|工人|人手|员工|技工)
        5~ 人手.{0,4}(不够|紧张|短缺|不足|紧缺|缺)
        5~ (招|找|雇).{0,6}(不到|不来)(人|工人)?
        5~ (没人|年轻人).{0,4}(干|来|愿意|不愿|不肯|不来)
        5~ (缺|需要|要|新增|补充).{0,6}(工人|员工|人手|普工|技工|焊工|电工|操作工|技术员|工程师)
        4~ (引进|招|要|需要).{0,4}[0-9一二三四五六七八九十两]+\s*(个|名|位)?\s*(博士|硕士|phd|人才|工程师)
        6: hiring hire recruit recruiting recruitment job_fair talent_apartment social_insurance work_permit headcount
        4: workers worker labor labour direct_labor staff talent training phd interns intern engineers
        5: 工会
        6: headhunter headhunters residence_permit foreign_employees foreign_employee expat expats
        4: operators operator technicians welders employees engineer
        2: part-time visa hr
        """;
}
