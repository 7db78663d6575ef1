using System.Security.Cryptography;
using Assistant.Dialogs.Desk.Departments;
using Microsoft.AspNetCore.Identity;

namespace Assistant.Bot.SignIn;

/// <summary>Passwords hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2), a simple policy, and generated ones.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<StaffMember> Hasher = new();

    // Compared against when the login does not exist, so that both answers take as long.
    private static readonly string Decoy = Hasher.HashPassword(null!, "decoy-" + Guid.NewGuid());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Whether the password matches, and whether its hash should be renewed (older parameters).</summary>
    public static (bool Matches, bool Rehash) Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(null!, hash ?? Decoy, password);
        return (hash is not null && result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    /// <summary>Why a new password is not good enough, or null.</summary>
    public static string? Problem(string? password, string? login, int minLength) =>
        password is null || password.Length < minLength ? $"新密码至少需要{minLength}个字符。"
        : password.Length > 128 ? "新密码不能超过128个字符。"
        : !password.Any(char.IsLetter) || !password.Any(char.IsDigit) ? "新密码须同时包含字母和数字。"
        : login is not null && password.Contains(login, StringComparison.OrdinalIgnoreCase) ? "新密码不能包含账号名。"
        : null;

    /// <summary>A password for someone to use once: 14 characters without look-alikes (0/O, 1/l/I).</summary>
    public static string Generate()
    {
        const string Letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string Digits = "23456789";
        var chars = Enumerable.Range(0, 12).Select(_ => Letters[RandomNumberGenerator.GetInt32(Letters.Length)])
            .Concat(Enumerable.Range(0, 2).Select(_ => Digits[RandomNumberGenerator.GetInt32(Digits.Length)]))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
