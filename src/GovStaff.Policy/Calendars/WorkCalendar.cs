using System.Runtime.CompilerServices;
using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// The official work calendar: which days are working days under the national holiday arrangement, regional
/// overlays and a body's closures, and working-day arithmetic for deadlines, leave and attendance.
/// </summary>
/// <remarks>
/// <para>
/// <b>Counting convention.</b> <see cref="AddWorkingDays"/> returns the n-th working day strictly after a date: the
/// day of the event (e.g. acceptance, 受理之日) is not counted and counting starts the next day (《民法典》第二百零一条;
/// 《民事诉讼法》第八十五条), counting only working days — as 《行政许可法》第八十二条 counts that law's own limits
/// (以工作日计算，不含法定节假日); the measures' other working-day periods (Art. 7, 12(2), 12(7), 21, 好差评) are counted
/// the same way by this library's reading, not under 第八十二条 (docs/options.md).
/// Adjusted working days (调休上班) count as working days. <see cref="CountWorkingDays"/> counts both ends.
/// </para>
/// <para>
/// <b>Unknown dates.</b> A date outside the loaded years, or in a year a regional layer does not cover, throws
/// <see cref="DateOutsideCalendarException"/>. A calendar created with <c>allowFallback</c> instead treats such dates
/// as ordinary weekdays and weekends and marks them <see cref="DayStatus.IsAssumed"/>; callers ask
/// <see cref="HasAssumedDays"/> and attach a warning to every decision that used one.
/// </para>
/// <para>
/// <b>Cost.</b> Building precomputes an index over the data range; afterwards every query is O(1) and allocates
/// nothing. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class WorkCalendar
{
    private const byte WorkingBit = 1;
    private const byte AssumedBit = 2;

    private readonly LocalDate _first;
    private readonly int _length;
    private readonly byte[] _state;
    private readonly DayKind[] _kinds;
    private readonly string?[] _names;
    private readonly string?[] _layers;
    private readonly int[] _workPrefix;
    private readonly int[] _assumedPrefix;
    private readonly LocalDate[] _workingDays;
    private readonly byte _rejectMask;
    private readonly int _firstYear;
    private readonly int[] _monthStarts;
    private readonly Dictionary<int, string> _gaps;

    private WorkCalendar(string name, IReadOnlyList<CalendarLayer> layers, bool allowFallback, int fallbackYears)
    {
        Name = name;
        Layers = layers;
        AllowsFallback = allowFallback;
        FallbackYears = allowFallback ? fallbackYears : 0;
        var national = layers[0];
        var nationalYears = national.CoveredYears.ToHashSet();
        var minYear = nationalYears.Min() - (allowFallback ? fallbackYears : 0);
        var maxYear = nationalYears.Max() + (allowFallback ? fallbackYears : 0);
        _first = new LocalDate(minYear, 1, 1);
        Last = new LocalDate(maxYear, 12, 31);
        _length = Period.DaysBetween(_first, Last) + 1;
        _firstYear = minYear;
        _monthStarts = new int[(maxYear - minYear + 1) * 12];
        for (var m = 0; m < _monthStarts.Length; m++)
        {
            _monthStarts[m] = Period.DaysBetween(_first, new LocalDate(minYear + (m / 12), (m % 12) + 1, 1));
        }
        _state = new byte[_length];
        _kinds = new DayKind[_length];
        _names = new string?[_length];
        _layers = new string?[_length];
        _gaps = [];

        for (var year = minYear; year <= maxYear; year++)
        {
            var missing = layers.Where(l => l.Kind != CalendarLayerKind.Closures && !l.CoveredYears.Contains(year)).Select(l => l.Name).ToArray();
            if (missing.Length > 0)
            {
                _gaps[year] = $"layer{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => "'" + m + "'"))} hold{(missing.Length > 1 ? string.Empty : "s")} no data for {year}; load that year's arrangement, or enable the fallback";
            }
        }

        for (var i = 0; i < _length; i++)
        {
            var date = _first.PlusDays(i);
            _kinds[i] = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayKind.Weekend : DayKind.WorkingDay;
        }

        foreach (var layer in layers)
        {
            var covered = layer.CoveredYears.ToHashSet();
            foreach (var entry in layer.Years.SelectMany(y => y.Entries))
            {
                var i = Period.DaysBetween(_first, entry.Date);
                if (i < 0 || i >= _length || (layer.Kind != CalendarLayerKind.Closures && !covered.Contains(entry.Date.Year)))
                {
                    continue; // e.g. the 2019 notice's 2018-12-29..31 when 2018 is not loaded
                }

                var weekend = entry.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
                _kinds[i] = (entry.IsOffDay, layer.Kind) switch
                {
                    (true, CalendarLayerKind.National) => DayKind.PublicHoliday,
                    (true, CalendarLayerKind.Regional) => DayKind.RegionalHoliday,
                    (true, _) => DayKind.Closure,
                    (false, _) => weekend ? DayKind.AdjustedWorkingDay : DayKind.WorkingDay,
                };
                _names[i] = entry.Name;
                _layers[i] = layer.Name;
            }
        }

        _workPrefix = new int[_length + 1];
        _assumedPrefix = new int[_length + 1];
        var working = new List<LocalDate>(_length);
        for (var i = 0; i < _length; i++)
        {
            var date = _first.PlusDays(i);
            var isWorking = _kinds[i].IsWorking();
            var assumed = _gaps.ContainsKey(date.Year);
            _state[i] = (byte)((isWorking ? WorkingBit : 0) | (assumed ? AssumedBit : 0));
            _workPrefix[i + 1] = _workPrefix[i] + (isWorking ? 1 : 0);
            _assumedPrefix[i + 1] = _assumedPrefix[i] + (assumed ? 1 : 0);
            if (isWorking)
            {
                working.Add(date);
            }
        }

        _workingDays = [.. working];
        _rejectMask = allowFallback ? (byte)0 : AssumedBit;
        var known = Enumerable.Range(0, _length).Where(i => (_state[i] & AssumedBit) == 0).ToArray();
        First = _first;
        FirstKnown = known.Length > 0 ? _first.PlusDays(known[0]) : null;
        LastKnown = known.Length > 0 ? _first.PlusDays(known[^1]) : null;
    }

    /// <summary>The national calendar of Mainland China as shipped with the library (2019–2026).</summary>
    public static WorkCalendar National => BuiltInCalendars.National;

    /// <summary>The calendar's name, e.g. <c>national</c> or <c>national+ningxia</c>.</summary>
    public string Name { get; }

    /// <summary>The layers, base first.</summary>
    public IReadOnlyList<CalendarLayer> Layers { get; }

    /// <summary>True when dates without data are treated as ordinary days (and marked assumed) instead of refused.</summary>
    public bool AllowsFallback { get; }

    /// <summary>The first date the calendar answers for (with the fallback, earlier than the data).</summary>
    public LocalDate First { get; }

    /// <summary>The last date the calendar answers for.</summary>
    public LocalDate Last { get; }

    /// <summary>The first date backed by data in every layer, or null when there is none.</summary>
    public LocalDate? FirstKnown { get; }

    /// <summary>The last date backed by data in every layer, or null when there is none.</summary>
    public LocalDate? LastKnown { get; }

    /// <summary>Creates a calendar from layers: a national layer first, then regional overlays and closures in order.</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="layers">The layers; the first must be <see cref="CalendarLayerKind.National"/> and hold at least one year.</param>
    /// <param name="allowFallback">Treat dates without data as ordinary days (marked assumed) instead of refusing them.</param>
    /// <param name="fallbackYears">With the fallback, how many years before and after the data the calendar answers for.</param>
    /// <exception cref="ArgumentException">No layers, the first is not national or empty, a later one is national, or duplicate layer names.</exception>
    public static WorkCalendar Create(string name, IEnumerable<CalendarLayer> layers, bool allowFallback = false, int fallbackYears = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfNegative(fallbackYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fallbackYears, 50);
        var list = layers.ToArray();
        if (list.Length == 0 || list[0].Kind != CalendarLayerKind.National)
        {
            throw new ArgumentException("The first layer must be the national arrangement.", nameof(layers));
        }

        if (list[0].Years.Count == 0)
        {
            throw new ArgumentException($"The national layer '{list[0].Name}' holds no year.", nameof(layers));
        }

        // Every national notice lists at least 元旦; an empty year is a placeholder for a notice not yet published
        // (the holiday-cn file for a coming year is exactly that), and would silently make the holidays working days.
        var empty = list[0].Years.FirstOrDefault(y => y.Entries.Count == 0);
        if (empty is not null)
        {
            throw new ArgumentException($"National year {empty.Year} ({empty.Source}) lists no days; a State Council notice always lists holidays, so the notice is probably not published yet.", nameof(layers));
        }

        if (list.Skip(1).Any(l => l.Kind == CalendarLayerKind.National))
        {
            throw new ArgumentException("Only the first layer may be national; add more years to it instead.", nameof(layers));
        }

        var duplicate = list.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Layer name '{duplicate.Key}' is used twice.", nameof(layers));
        }

        return new WorkCalendar(name, list, allowFallback, fallbackYears);
    }

    /// <summary>Returns a calendar with one more layer on top (a regional overlay or a body's closures).</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="name">The new calendar's name; defaults to this name plus the layer's.</param>
    public WorkCalendar WithLayer(CalendarLayer layer, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Create(name ?? Name + "+" + layer.Name, Layers.Append(layer), AllowsFallback, FallbackYears);
    }

    /// <summary>Returns the same layers with the fallback switched on or off.</summary>
    public WorkCalendar WithFallback(bool allowFallback, int fallbackYears = 10) => Create(Name, Layers, allowFallback, fallbackYears);

    /// <summary>With the fallback, how many years before and after the data the calendar answers for; otherwise 0.</summary>
    public int FallbackYears { get; }

    /// <summary>True when the calendar answers for the date (it may still be assumed, with the fallback).</summary>
    public bool Contains(LocalDate date)
    {
        var i = Offset(date);
        return (uint)i < (uint)_length && (_state[i] & _rejectMask) == 0;
    }

    /// <summary>The status of a date, with its reason.</summary>
    /// <exception cref="DateOutsideCalendarException">The calendar has no data for the date.</exception>
    public DayStatus GetStatus(LocalDate date)
    {
        var i = Index(date);
        return new DayStatus(date, _kinds[i], _names[i], _layers[i], (_state[i] & AssumedBit) != 0);
    }

    /// <summary>True when the date is a working day (including an adjusted working day, 调休上班).</summary>
    /// <exception cref="DateOutsideCalendarException">The calendar has no data for the date.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsWorkingDay(LocalDate date) => (_state[Index(date)] & WorkingBit) != 0;

    /// <summary>
    /// The last day of a period counted in calendar days, as 《民法典》第二百零三条 counts it: a last day that falls on a
    /// statutory rest day (a weekend or holiday that is not an adjusted working day) moves to the day after the rest
    /// ends. A date the calendar has no data for is returned as it is.
    /// </summary>
    /// <param name="last">The period's last day by counting alone.</param>
    public LocalDate LastDayOfPeriod(LocalDate last)
    {
        var d = last;
        while (Contains(d) && !IsWorkingDay(d))
        {
            d = d.PlusDays(1);
        }

        return Contains(d) ? d : last;
    }

    /// <summary>The first working day strictly after the date.</summary>
    /// <exception cref="DateOutsideCalendarException">The date or the result is outside the calendar's data.</exception>
    public LocalDate NextWorkingDay(LocalDate date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before the date.</summary>
    /// <exception cref="DateOutsideCalendarException">The date or the result is outside the calendar's data.</exception>
    public LocalDate PreviousWorkingDay(LocalDate date) => AddWorkingDays(date, -1);

    /// <summary>
    /// The n-th working day strictly after the date (n ≥ 1), or strictly before it (n ≤ −1). The date itself is never
    /// counted (《民法典》第二百零一条): accepted on a Friday, 1 working day is the next Monday.
    /// </summary>
    /// <param name="date">The starting date (the day of acceptance, receipt, etc.).</param>
    /// <param name="n">How many working days; not zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is zero.</exception>
    /// <exception cref="DateOutsideCalendarException">The date or the result is outside the calendar's data.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int n)
    {
        var i = Index(date);
        int k;
        if (n > 0)
        {
            k = _workPrefix[i + 1] + n - 1;
        }
        else if (n < 0)
        {
            k = _workPrefix[i] + n;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The number of working days must not be zero.");
        }

        if ((uint)k >= (uint)_workingDays.Length)
        {
            ThrowBeyond(date, n);
        }

        var result = _workingDays[k];
        if (_rejectMask != 0)
        {
            CheckKnown(n > 0 ? i : Offset(result), n > 0 ? Offset(result) : i);
        }

        return result;
    }

    /// <summary>The number of working days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="DateOutsideCalendarException">Either date, or a day between them, is outside the calendar's data.</exception>
    public int CountWorkingDays(LocalDate from, LocalDate to)
    {
        var a = Index(from);
        var b = Index(to);
        if (b < a)
        {
            ThrowReversed(from, to);
        }

        if (_rejectMask != 0)
        {
            CheckKnown(a, b);
        }

        return _workPrefix[b + 1] - _workPrefix[a];
    }

    /// <summary>True when any day from <paramref name="from"/> to <paramref name="to"/> (inclusive) is assumed rather than known.</summary>
    /// <remarks>Always false on a calendar without the fallback, which refuses such days instead.</remarks>
    public bool HasAssumedDays(LocalDate from, LocalDate to)
    {
        var a = Index(from);
        var b = Index(to);
        if (b < a)
        {
            (a, b) = (b, a);
        }

        return _assumedPrefix[b + 1] - _assumedPrefix[a] > 0;
    }

    /// <summary>Why a year is not fully known, or null when every layer covers it.</summary>
    public string? GapReason(int year) => _gaps.GetValueOrDefault(year);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({FirstKnown:yyyy-MM-dd}–{LastKnown:yyyy-MM-dd}{(AllowsFallback ? ", fallback" : string.Empty)})";

    // The day's offset in the index: one table read per month instead of NodaTime's general day arithmetic, which
    // is most of the cost of a query. -1 when the date is outside the range.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        var m = ((date.Year - _firstYear) * 12) + date.Month - 1;
        return (uint)m < (uint)_monthStarts.Length ? _monthStarts[m] + date.Day - 1 : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(LocalDate date)
    {
        var i = Offset(date);
        if ((uint)i >= (uint)_length || (_state[i] & _rejectMask) != 0)
        {
            ThrowOutside(date);
        }

        return i;
    }

    private void CheckKnown(int a, int b)
    {
        if (_assumedPrefix[b + 1] - _assumedPrefix[a] > 0)
        {
            for (var i = a; i <= b; i++)
            {
                if ((_state[i] & AssumedBit) != 0)
                {
                    ThrowOutside(_first.PlusDays(i));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutside(LocalDate date)
    {
        var reason = _gaps.TryGetValue(date.Year, out var gap) && date >= _first && date <= Last
            ? gap
            : $"it answers for {FirstKnown:yyyy-MM-dd}–{LastKnown:yyyy-MM-dd}; load that year's arrangement, or enable the fallback";
        throw new DateOutsideCalendarException(date, Name, reason);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBeyond(LocalDate date, int n) =>
        throw new DateOutsideCalendarException(date, Name,
            $"the {Math.Abs(n)}th working day {(n > 0 ? "after" : "before")} it lies beyond the data ({First:yyyy-MM-dd}–{Last:yyyy-MM-dd})");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowReversed(LocalDate from, LocalDate to) =>
        throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
}
