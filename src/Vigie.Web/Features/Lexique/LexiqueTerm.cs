using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// A term of the shared glossary. Its key is chosen once and never changes: forms link to
/// <c>/lexique#terme-{key}</c>. Never deleted: retired (hidden from the glossary, the search and the
/// forms' links) and restorable, so a key cannot be reused for another meaning.
/// </summary>
public sealed class LexiqueTerm
{
    public const int KeyMaxLength = 60;
    public const int TitleMaxLength = 120;
    public const int DefinitionMaxLength = 4000;
    public const int SynonymsMaxLength = 500;
    public const int MaxSources = 5;

    private readonly List<LexiqueSource> _sources = [];

    private LexiqueTerm()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The title folded (<see cref="SearchText.Fold"/>): unique, so two titles cannot differ by accents or case alone.</summary>
    public string TitleKey { get; private set; } = string.Empty;

    public string Definition { get; private set; } = string.Empty;

    /// <summary>Other words for the term, separated by « ; ».</summary>
    public string? Synonyms { get; private set; }

    /// <summary>Title, synonyms and definition folded: what the search looks in.</summary>
    public string SearchKey { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The account that made the last change; null for the starting terms written at start.</summary>
    public string? UpdatedById { get; private set; }

    public IReadOnlyList<LexiqueSource> Sources => _sources;

    public string Anchor => AnchorOf(Key);

    public static string AnchorOf(string key) => "terme-" + key;

    public static string HrefOf(string key) => "/lexique#" + AnchorOf(key);

    public static LexiqueTerm Create(string key, string title, string definition, string? synonyms, IEnumerable<(string Text, string? Url)> sources, DateTime now, string? by)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException("A key is lower-case letters and digits separated by single dashes.", nameof(key));
        }

        var term = new LexiqueTerm { Id = Guid.CreateVersion7(), Key = key, IsActive = true, CreatedAt = now };
        term.Update(title, definition, synonyms, sources, now, by);
        return term;
    }

    /// <summary>Everything but the key, which stays as it was created.</summary>
    public void Update(string title, string definition, string? synonyms, IEnumerable<(string Text, string? Url)> sources, DateTime now, string? by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition);
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.Where(s => !string.IsNullOrWhiteSpace(s.Text)).ToList();
        if (list.Count > MaxSources)
        {
            throw new ArgumentException($"At most {MaxSources} sources.", nameof(sources));
        }

        if (list.Any(s => s.Url is not null && ContactFormats.Url(s.Url) != s.Url))
        {
            throw new ArgumentException("A source's address must be an http or https address.", nameof(sources));
        }

        Title = title.Trim();
        TitleKey = SearchText.Fold(Title);
        if (TitleKey.Length == 0)
        {
            throw new ArgumentException("A title needs a letter or a digit.", nameof(title));
        }

        Definition = definition.Trim();
        Synonyms = CleanSynonyms(synonyms);
        SearchKey = SearchText.Fold($"{Title} {Synonyms} {Definition}");
        _sources.Clear();
        for (var i = 0; i < list.Count; i++)
        {
            _sources.Add(new LexiqueSource(Id, i + 1, list[i].Text.Trim(), list[i].Url));
        }

        UpdatedAt = now;
        UpdatedById = by;
    }

    public void Retire(DateTime now, string by)
    {
        IsActive = false;
        UpdatedAt = now;
        UpdatedById = by;
    }

    public void Restore(DateTime now, string by)
    {
        IsActive = true;
        UpdatedAt = now;
        UpdatedById = by;
    }

    /// <summary>Keys that are the lexique's own addresses (<c>/lexique/nouveau</c>, <c>/lexique/glossaire</c>): a term there could not be opened.</summary>
    public static readonly IReadOnlySet<string> ReservedKeys = new HashSet<string>(StringComparer.Ordinal) { "nouveau", "glossaire" };

    /// <summary>Lower-case ASCII letters and digits in groups joined by single dashes, at most 60 characters, not reserved.</summary>
    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= KeyMaxLength && !ReservedKeys.Contains(key)
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !key.StartsWith('-') && !key.EndsWith('-') && !key.Contains("--", StringComparison.Ordinal);

    /// <summary>The key a title suggests: "Mise à l'abri" → "mise-a-l-abri".</summary>
    public static string KeyFrom(string title)
    {
        var folded = SearchText.Fold(title);
        var key = new StringBuilder();
        foreach (var c in folded)
        {
            key.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-');
        }

        var text = key.ToString();
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        text = text.Trim('-');
        return text.Length <= KeyMaxLength ? text : text[..KeyMaxLength].TrimEnd('-');
    }

    /// <summary>Synonyms typed with « ; », « , » or one per line, kept in order without repeats, joined by « ; ».</summary>
    public static string? CleanSynonyms(string? synonyms)
    {
        if (string.IsNullOrWhiteSpace(synonyms))
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = synonyms.Split([';', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => seen.Add(SearchText.Fold(s)))
            .ToList();
        return kept.Count == 0 ? null : string.Join(" ; ", kept);
    }
}

/// <summary>A source of a term: a text of law or a reference, with an optional http(s) address.</summary>
public sealed class LexiqueSource
{
    public const int TextMaxLength = 300;
    public const int UrlMaxLength = 500;

    private LexiqueSource()
    {
    }

    internal LexiqueSource(Guid termId, int position, string text, string? url)
    {
        Id = Guid.CreateVersion7();
        TermId = termId;
        Position = position;
        Text = text;
        Url = url;
    }

    public Guid Id { get; private set; }

    public Guid TermId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string? Url { get; private set; }
}

internal sealed class LexiqueTermConfiguration : IEntityTypeConfiguration<LexiqueTerm>
{
    public void Configure(EntityTypeBuilder<LexiqueTerm> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(LexiqueTerm.KeyMaxLength);
        builder.Property(t => t.Title).HasMaxLength(LexiqueTerm.TitleMaxLength);
        builder.Property(t => t.TitleKey).HasMaxLength(LexiqueTerm.TitleMaxLength * 2); // folding spells out ligatures (œ → oe)
        builder.Property(t => t.Definition).HasMaxLength(LexiqueTerm.DefinitionMaxLength);
        builder.Property(t => t.Synonyms).HasMaxLength(LexiqueTerm.SynonymsMaxLength);
        builder.Property(t => t.UpdatedById).HasMaxLength(450);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => t.TitleKey).IsUnique();
        builder.HasMany(t => t.Sources).WithOne().HasForeignKey(s => s.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sources).HasField("_sources").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LexiqueSourceConfiguration : IEntityTypeConfiguration<LexiqueSource>
{
    public void Configure(EntityTypeBuilder<LexiqueSource> builder)
    {
        builder.ToTable("LexiqueSources");
        // Sources are replaced on every edit: new rows carry their own id, which EF must insert, not update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(LexiqueSource.TextMaxLength);
        builder.Property(s => s.Url).HasMaxLength(LexiqueSource.UrlMaxLength);
        builder.HasIndex(s => new { s.TermId, s.Position });
    }
}
