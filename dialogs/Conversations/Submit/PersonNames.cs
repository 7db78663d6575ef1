namespace Assistant.Dialogs.Conversations.Submit;

/// <summary>
/// Whether a few characters are how a person is addressed: a surname with a given name (张伟, 欧阳晓), or with a
/// form of address (刘先生, 周工, 王总). "看错了", "一共三个" and "多久能出" are not, though they are just as short.
/// </summary>
public static class PersonNames
{
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static readonly string[] Compound = ["欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "夏侯", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门"];

    private static readonly string[] Titles = ["先生", "女士", "小姐", "经理", "总监", "主任", "会计", "老师", "工", "总", "姐", "哥"];

    private static readonly HashSet<string> OrganisationWords = new(
        ["co", "ltd", "inc", "llc", "corp", "company", "corporation", "group", "limited", "gmbh", "factory", "plant", "technology", "technologies", "industries", "industry", "precision", "manufacturing"],
        StringComparer.OrdinalIgnoreCase);

    public static bool IsName(string name)
    {
        var surname = Compound.FirstOrDefault(c => name.StartsWith(c, StringComparison.Ordinal)) ?? (name.Length > 0 && Surnames.Contains(name[0], StringComparison.Ordinal) ? name[..1] : null);
        if (surname is null)
        {
            // Latin names ("Mike Chen") are taken as written; "Hengyuan Precision Co" is a company.
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return name.Length >= 2 && name.All(c => char.IsAsciiLetter(c) || c is ' ' or '.' or '-') && words.Length <= 3
                && !words.Any(w => OrganisationWords.Contains(w.TrimEnd('.')));
        }

        var rest = name[surname.Length..];
        return rest.Length == 0
            || Titles.Contains(rest)
            || rest.Length <= 2 && rest.All(c => c >= 0x4E00 && c <= 0x9FFF) && !rest.Any(c => "了吗呢吧啊的是有在不没个一二三两几多少".Contains(c, StringComparison.Ordinal));
    }
}
