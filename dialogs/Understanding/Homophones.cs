using System.Reflection;
using Assistant.Dialogs.Understanding.Lexicon;

namespace Assistant.Dialogs.Understanding;

/// <summary>Slips of pinyin input in the words the categories are known by: a run of characters that sounds like a cue word
/// and differs from it in one character ("采够" for 采购, "带款" for 贷款) is read as that word. The listed slips in
/// <see cref="Typos"/> go first; this catches those nobody listed. Characters are compared by their usual reading, so a
/// particle (的, 了) never turns into a word it could also spell, and nothing is mended where the characters already make
/// a common word: neither the run itself nor any word through the changed character ("只能" is not 智能, and the 代 of
/// "信用代码" is not the 贷 of 信用贷). A cue read through a guessed character counts for less (see CategoryScorer).</summary>
internal static class Homophones
{
    private const int Shortest = 2;
    private const int Longest = 5;
    private const int LongestWord = 4;
    private const int LongWord = 4;

    /// <summary>Syllables are numbered from 1, below <see cref="SyllableBase"/>, so a run's reading packs into one number.</summary>
    private const ulong SyllableBase = 1024;

    private static readonly Dictionary<char, ushort> Readings = LoadReadings();
    private static readonly HashSet<ulong> CommonWords = LoadWords();
    private static readonly HashSet<string> CueWords = CueLexicon.All.Where(c => c.Pattern is null).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueWordSpans = CueWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<ulong, string[]> CuesBySound = IndexCues();

    public static string Mend(string text)
    {
        char[]? mended = null;
        for (var start = 0; start + Shortest <= text.Length; start++)
        {
            for (var length = Math.Min(Longest, text.Length - start); length >= Shortest; length--)
            {
                var run = text.AsSpan(start, length);
                if (SoundOf(run) is not { } sound || !CuesBySound.TryGetValue(sound, out var candidates)
                    || CueWordSpans.Contains(run) || IsCommonWord(run))
                {
                    continue;
                }

                foreach (var word in candidates)
                {
                    var apart = Apart(run, word);
                    if (apart.Count > 0 && apart.Count <= Allowed(length) && apart.All(at => !InCommonWord(text, start + at, start, length)))
                    {
                        mended ??= text.ToCharArray();
                        foreach (var at in apart)
                        {
                            mended[start + at] = word[at];
                        }

                        break;
                    }
                }
            }
        }

        return mended is null ? text : new string(mended);
    }

    /// <summary>The run's reading as one number, syllable by syllable; null when a character has no reading.</summary>
    private static ulong? SoundOf(ReadOnlySpan<char> run)
    {
        var sound = 0UL;
        foreach (var c in run)
        {
            if (!Readings.TryGetValue(c, out var syllable))
            {
                return null;
            }

            sound = sound * SyllableBase + syllable;
        }

        return sound;
    }

    /// <summary>How many characters may differ: one in a short word; two in a word of four or five ("技能陪迅" for 技能培训),
    /// whose reading, the same syllable for syllable, is itself the evidence.</summary>
    private static int Allowed(int length) => length >= LongWord ? 2 : 1;

    /// <summary>The positions at which the run differs from the word.</summary>
    private static List<int> Apart(ReadOnlySpan<char> run, string word)
    {
        var apart = new List<int>(2);
        for (var i = 0; i < run.Length; i++)
        {
            if (run[i] != word[i])
            {
                apart.Add(i);
            }
        }

        return apart;
    }

    /// <summary>Whether the character at the position belongs to a common word or a cue word of the text, read as written
    /// ("科技小巨人" is not 技校 misspelt). Inside a long run, a common word wholly within it does not count: the rest of the
    /// run already says which word was meant (the 家计 of "家计扣除" is 加计扣除 misspelt), and neither does a pair of
    /// characters across its edge.</summary>
    private static bool InCommonWord(string text, int position, int runStart, int runLength)
    {
        for (var length = Shortest; length <= Longest; length++)
        {
            for (var start = Math.Max(0, position - length + 1); start <= position && start + length <= text.Length; start++)
            {
                var run = text.AsSpan(start, length);
                // A long run (three characters of four agreeing) gives way only to a long word across it, not to a pair
                // that happens to be a word or a name ("科什" in "施工许科什么时候").
                var outweighed = runLength >= LongWord && (runStart <= start && start + length <= runStart + runLength || length < 3);
                if (CueWordSpans.Contains(run) || !outweighed && IsCommonWord(run))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCommonWord(ReadOnlySpan<char> run) => run.Length <= LongestWord && CommonWords.Contains(Key(run));

    /// <summary>Up to four characters packed into one number, so looking a word up allocates nothing.</summary>
    private static ulong Key(ReadOnlySpan<char> word)
    {
        var key = 0UL;
        foreach (var c in word)
        {
            key = key << 16 | c;
        }

        return key;
    }

    private static Dictionary<ulong, string[]> IndexCues() => CueWords
        .Where(w => w.Length is >= Shortest and <= Longest && w.All(TextNormalizer.IsCjk))
        .Select(w => (Word: w, Sound: SoundOf(w)))
        .Where(w => w.Sound is not null)
        .GroupBy(w => w.Sound!.Value)
        .ToDictionary(g => g.Key, g => g.Select(w => w.Word).ToArray());

    private static IEnumerable<string> Lines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static Dictionary<char, ushort> LoadReadings()
    {
        var readings = new Dictionary<char, ushort>();
        var syllables = new Dictionary<string, ushort>(StringComparer.Ordinal);
        foreach (var line in Lines("Assistant.Dialogs.Pinyin.txt"))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var syllable = line[..space];
            if (!syllables.TryGetValue(syllable, out var id))
            {
                id = (ushort)(syllables.Count + 1);
                syllables.Add(syllable, id);
            }

            foreach (var c in line[(space + 1)..])
            {
                readings.TryAdd(c, id);
            }
        }

        if (syllables.Count >= (int)SyllableBase)
        {
            throw new InvalidOperationException($"Pinyin.txt has {syllables.Count} syllables; at most {SyllableBase - 1} fit.");
        }

        return readings;
    }

    private static HashSet<ulong> LoadWords() => Lines("Assistant.Dialogs.Words.txt").Select(w => Key(w)).ToHashSet();
}
