using System.Text.RegularExpressions;
using Assistant.Bot.Database;
using Microsoft.Extensions.Options;

namespace Assistant.Bot;

/// <summary>Turns the start-up failures an operator can fix into one clear message and a non-zero exit code.</summary>
public static partial class HostFailures
{
    public static async Task<int> Explain(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (Find<EmbeddedPostgresException>(ex) is { } embedded)
        {
            await Console.Error.WriteLineAsync(embedded.Message);
            return 2;
        }
        catch (Exception ex) when (Find<DatabaseNotReadyException>(ex) is { } notReady)
        {
            await Console.Error.WriteLineAsync(notReady.Message);
            return 4;
        }
        catch (Exception ex) when (Find<OptionsValidationException>(ex) is { } invalid)
        {
            await Console.Error.WriteLineAsync("appsettings.json 配置有误，请修改后重新启动：" + Environment.NewLine + string.Join(Environment.NewLine, invalid.Failures.Select(f => "  - " + Plain(f))));
            return 3;
        }
    }

    // "DataAnnotation validation failed for 'X' members: '' with the error: '<ours>'." → "<ours>"
    private static string Plain(string failure) => ValidationWrapper().Match(failure) is { Success: true } m ? m.Groups[1].Value : failure;

    [GeneratedRegex(@"with the error: '(.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex ValidationWrapper();

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }

            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
