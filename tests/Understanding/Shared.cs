using Assistant.Dialogs.Understanding;

namespace Assistant.Tests.Understanding;

/// <summary>One understander for all tests, as the product holds one singleton: building it loads the number models.</summary>
public static class Shared
{
    public static RequestUnderstander Understander { get; } = new();
}
