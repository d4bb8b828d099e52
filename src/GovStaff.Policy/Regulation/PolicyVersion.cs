using NodaTime;

namespace GovStaff.Policy.Regulation;

/// <summary>
/// A version of the measures with its effective period and options (Art. 31). Every decision names the version it
/// applied.
/// </summary>
/// <remarks>
/// Art. 31 reads 本办法自2021年××月××日施行，有效期至2023年××月××日: the draft leaves the days blank, so the period is
/// configuration. <see cref="Trial2021"/> takes the widest reading (the whole of 2021 to the end of 2023); a district
/// with the published dates configures them.
/// </remarks>
public sealed record PolicyVersion
{
    /// <summary>
    /// The draft trial measures (征求意见稿) over the widest reading of Art. 31: 2021-01-01 to 2023-12-31, default options.
    /// An action dated later is refused under Art. 31 until a successor version is configured.
    /// </summary>
    public static PolicyVersion Trial2021 { get; } = new(
        "shapotou-2021-trial",
        new LocalizedText("沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）", "Shapotou measures for grassroots government-service staff (trial, draft for comments)"),
        new LocalDate(2021, 1, 1),
        new LocalDate(2023, 12, 31),
        PolicyOptions.Default);

    /// <summary>Creates a version.</summary>
    /// <param name="id">A stable id, e.g. <c>shapotou-2021-trial</c>; it goes into every decision.</param>
    /// <param name="title">The title of the measures in this version.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="effectiveUntil">The last day in force (inclusive), or null when open-ended.</param>
    /// <param name="options">The options this version applies; null for <see cref="PolicyOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An empty id, an end before the start, or invalid options.</exception>
    public PolicyVersion(string id, LocalizedText title, LocalDate effectiveFrom, LocalDate? effectiveUntil = null, PolicyOptions? options = null)
    {
        Id = Guard.Text(id, nameof(Id), 80);
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        EffectiveFrom = Guard.IsoDate(effectiveFrom, nameof(EffectiveFrom));
        if (effectiveUntil is { } until && until < effectiveFrom)
        {
            throw new ArgumentException($"Policy version '{id}': {nameof(EffectiveUntil)} {until:yyyy-MM-dd} is before {nameof(EffectiveFrom)} {effectiveFrom:yyyy-MM-dd}.", nameof(effectiveUntil));
        }

        EffectiveUntil = effectiveUntil;
        Options = (options ?? PolicyOptions.Default).EnsureValid();
    }

    /// <summary>The version's stable id.</summary>
    public string Id { get; }

    /// <summary>The title of the measures.</summary>
    public LocalizedText Title { get; }

    /// <summary>The first day in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The last day in force (inclusive); null when open-ended.</summary>
    public LocalDate? EffectiveUntil { get; }

    /// <summary>The options this version applies.</summary>
    public PolicyOptions Options { get; }

    /// <summary>True when the version is in force on the date.</summary>
    public bool IsInForceOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil);

    /// <summary>The id and period: <c>shapotou-2021-trial (2021-01-01–2023-12-31)</c>.</summary>
    public override string ToString() => $"{Id} ({EffectiveFrom:yyyy-MM-dd}–{(EffectiveUntil is { } u ? u.ToString("yyyy-MM-dd", null) : "open")})";
}
