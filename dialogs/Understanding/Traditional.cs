namespace Assistant.Dialogs.Understanding;

/// <summary>The traditional characters that occur in enterprise requests, so a cue written once matches both.</summary>
internal static class Traditional
{
    private const string Pairs =
        "貸贷補补貼贴廠厂審审電电業业資资請请員员專专項项報报環环評评證证稅税廣广場场錢钱銀银發发價价準准術术" +
        "開开關关設设備备記记權权還还會会這这們们麼么來来為为個个與与對对實实際际門门問问題题幫帮協协調调" +
        "運运營营產产廳厅級级認认補补獎奖勵励審审驗验收收許许辦办畫画規规劃划縣县區区鎮镇園园塊块畝亩萬万億亿" +
        "領领導导護护險险轉转續续擔担質质押押撥拨測测試试諮咨詢询聯联係系號号碼码資资訊讯網网絡络貨货購购標标" +
        "參参展展會会覽览銷销訂订單单戶户職职聘聘縮缩給给讓让點点熱热氣气燈灯線线車车組组織织動动壓压費费";

    public static readonly IReadOnlyDictionary<char, char> Map = Build();

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            if (Pairs[i] != Pairs[i + 1])
            {
                map[Pairs[i]] = Pairs[i + 1];
            }
        }

        return map;
    }
}
