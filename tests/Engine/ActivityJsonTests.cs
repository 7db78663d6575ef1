using System.Text.Json.Nodes;
using Assistant.Dialogs.Activities;

namespace Assistant.Tests.Engine;

public sealed class ActivityJsonTests
{
    private const string FromWebChat = """
        {"type":"message","id":"abc|0000003","timestamp":"2026-11-23T02:00:00.123Z","localTimestamp":"2026-11-23T10:00:00.123+08:00",
         "localTimezone":"Asia/Shanghai","channelId":"directline","from":{"id":"dl_u1","name":"刘洋","role":"user"},
         "conversation":{"id":"abc"},"locale":"zh-CN","text":"想申请贷款","textFormat":"plain",
         "entities":[{"type":"ClientCapabilities","requiresBotState":true,"supportsListening":true}],
         "channelData":{"clientActivityID":"1700000000000abc","postBack":true},"value":{"action":"confirm","amount":"300"},
         "attachmentLayout":"list","somethingNew":{"nested":[1,2,3]}}
        """;

    [Fact]
    public void Unknown_properties_channel_data_value_and_entities_survive_a_round_trip()
    {
        var activity = ActivityJson.Deserialize(FromWebChat)!;
        var written = JsonNode.Parse(ActivityJson.Serialize(activity))!;

        Assert.Equal("想申请贷款", activity.Text);
        Assert.Equal("1700000000000abc", written["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("confirm", written["value"]!["action"]!.GetValue<string>());
        Assert.True(written["entities"]![0]!["requiresBotState"]!.GetValue<bool>());
        Assert.Equal(3, written["somethingNew"]!["nested"]!.AsArray().Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.FromHours(8)), activity.LocalTimestamp);
    }

    [Fact]
    public void Replies_are_camel_case_without_nulls_and_keep_Chinese_readable()
    {
        var reply = ActivityJson.Deserialize(FromWebChat)!.CreateReply("您好，请问贵公司名称？");
        var json = ActivityJson.Serialize(reply);

        Assert.Contains("\"text\":\"您好，请问贵公司名称？\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replyToId\":\"abc|0000003\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Text\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_goes_back_to_the_sender_in_the_same_conversation()
    {
        var reply = ActivityJson.Deserialize(FromWebChat)!.CreateReply();
        Assert.Equal("dl_u1", reply.Recipient!.Id);
        Assert.Equal("abc", reply.Conversation!.Id);
    }

    [Fact]
    public void Teams_mentions_of_the_bot_are_removed_from_the_text_and_others_stay()
    {
        var activity = new Activity
        {
            Text = "<at>有求必应</at> 帮助 <at>王芳</at>",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>有求必应</at>", mentioned = new { id = "28:bot" } }),
                System.Text.Json.JsonSerializer.SerializeToElement(new { type = "mention", text = "<at>王芳</at>", mentioned = new { id = "29:wang" } }),
            ],
        };

        Assert.Equal("帮助 <at>王芳</at>", activity.WithoutRecipientMentions().Text);
    }
}
