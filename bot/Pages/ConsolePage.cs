using Microsoft.Extensions.FileProviders;

namespace Assistant.Bot.Pages;

/// <summary>
/// The staff console at /console: the built Vue app from the "console" folder beside the program. Its files are
/// served as they are; any other address under /console (a deep link such as /console/tickets/…) gets index.html,
/// and the app's router shows the page. index.html is never cached, so a new release is picked up at the next load;
/// the bundles carry a content hash in their names and are cached for a year.
/// </summary>
public static class ConsolePage
{
    public const string Path = "/console";

    public static WebApplication UseConsolePage(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "console");
        if (!File.Exists(System.IO.Path.Combine(folder, "index.html")))
        {
            app.Logger.LogWarning("The console folder {Folder} is missing; /console is not served (build the bot project to create it).", folder);
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.Map(Path, console =>
        {
            console.Use((context, next) =>
            {
                // "/console" → "/console/", so that the app's relative router base matches.
                if (context.Request.Path.Value is null or "" && HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.Redirect(Path + "/" + context.Request.QueryString);
                    return Task.CompletedTask;
                }

                return next(context);
            });
            console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
            });
            console.Run(async context =>
            {
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    || context.Request.Path.StartsWithSegments("/assets"))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
            });
        });
        return app;
    }
}
