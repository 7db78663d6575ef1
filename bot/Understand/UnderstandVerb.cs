using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Assistant.Dialogs.Calendar;
using Assistant.Dialogs.Desk;
using Assistant.Dialogs.Understanding;

namespace Assistant.Bot.Understand;

/// <summary>
/// <c>understand</c>: for administrators testing the rules over many messages. Reads JSON lines {"text": …, "id": …}
/// on standard input and writes one JSON line per input line with the category, confidence, department, the
/// categories it would ask between, and the entities found. <c>--explain</c> adds the cues that decided. Needs no
/// database and no web server.
/// </summary>
public static class UnderstandVerb
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "understand";

    public static async Task<int> Run(string[] args, TextReader input, TextWriter output)
    {
        var explain = args.Contains("--explain");
        var rules = LoadRules();
        var understander = new RequestUnderstander();
        var lineNumber = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await output.WriteLineAsync(Answer(line, lineNumber, understander, rules, explain).ToJsonString(Json));
        }

        await output.FlushAsync();
        return 0;
    }

    private static JsonObject Answer(string line, int lineNumber, RequestUnderstander understander, DeskRules rules, bool explain)
    {
        JsonNode? request;
        try
        {
            request = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return new JsonObject { ["line"] = lineNumber, ["error"] = "not a JSON object" };
        }

        var id = request is JsonObject ? request["id"]?.DeepClone() : null;
        if (request is not JsonObject || request["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return new JsonObject { ["id"] = id, ["line"] = lineNumber, ["error"] = "missing \"text\"" };
        }

        var understood = understander.Understand(text);
        var route = rules.Router.Route(understood.Category, text);
        var entities = new JsonObject();
        foreach (var (key, value) in understood.Entities.ToKeys())
        {
            entities[key] = JsonSerializer.SerializeToNode(value);
        }

        var answer = new JsonObject
        {
            ["id"] = id,
            ["category"] = understood.Category,
            ["confidence"] = Math.Round(understood.Confidence, 3),
            ["department"] = rules.DepartmentName(route.LeadDepartmentId),
            ["department_id"] = route.LeadDepartmentId,
            ["clarify"] = new JsonArray(understood.Clarify.Select(c => (JsonNode)c).ToArray()),
            ["entities"] = entities,
        };
        if (explain)
        {
            answer["evidence"] = new JsonArray(understood.Evidence
                .Select(e => (JsonNode)new JsonObject { ["category"] = e.Category, ["cue"] = e.Cue, ["weight"] = Math.Round(e.Weight, 3) })
                .ToArray());
        }

        return answer;
    }

    // The same appsettings.json (and environment) the host reads, for the departments and routing rules.
    private static DeskRules LoadRules()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddEnvironmentVariables()
            .Build();
        var options = new DeskOptions();
        configuration.GetSection(DeskOptions.Section).Bind(options);
        return new DeskRules(options, WorkingCalendar.FromOptions(options.Calendar));
    }
}
