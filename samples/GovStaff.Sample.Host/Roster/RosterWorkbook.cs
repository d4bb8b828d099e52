using System.Globalization;
using GovStaff.Policy;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using MiniExcelLibs;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Sample.Host.Roster;

/// <summary>
/// The district's roster (人员花名册) as a workbook: sheets 服务机构, 派出单位, 人员, AB岗, 考核指标 and 考核办法 with
/// Chinese headers (docs/roster.md gives the layout in English). Read into a <see cref="DistrictRoster"/> — the
/// <see cref="ServiceNetwork"/> and the appraisal methods — or written from one. A
/// problem is named by sheet and cell (<c>人员!D12</c>), every problem at once, and nothing is built from a roster
/// that has one. Sample-side on purpose: the library's packages stay free of a spreadsheet dependency.
/// </summary>
internal static class RosterWorkbook
{
    public const string Bodies = "服务机构";
    public const string Units = "派出单位";
    public const string Staff = "人员";
    public const string Posts = "AB岗";
    public const string Indicators = "考核指标";
    public const string Methods = "考核办法";

    // Column headers in order; the required ones must be present, the others may be left out. Each names the property
    // it fills, so a problem the library finds in a record (an ArgumentException's parameter, a NetworkProblem's field)
    // is named by its cell. A roster without the two appraisal sheets scores everyone on Art. 27's defaults.
    private static readonly (string Sheet, bool Optional, (string Header, bool Required, string Field)[] Columns)[] Layout =
    [
        (Bodies, false, [("编号", true, "Id"), ("名称", true, "Name"), ("类型", true, "Kind"), ("上级机构", false, "ParentId"), ("所在单位", false, "Locality")]),
        (Units, false, [("编号", true, "Id"), ("名称", true, "Name"), ("类型", true, "Kind"), ("所属乡镇", false, "TownshipId")]),
        (Staff, false, [("编号", true, "Id"), ("姓名", true, "Name"), ("出生日期", true, "BirthDate"), ("派出单位", true, "HomeUnitId"), ("角色", true, "Role"),
                 ("进驻机构", false, "StationedAt"), ("进驻日期", false, "StationedOn"), ("熟练使用计算机", false, "ComputerProficient"),
                 ("业务骨干", false, "BusinessBackbone"), ("网格员", false, "GridWorker"), ("两委成员", false, "TwoCommitteeMember")]),
        (Posts, false, [("编号", true, "Id"), ("机构", true, "ServiceBodyId"), ("名称", true, "Name"), ("A岗", true, "AHolder"), ("B岗", true, "BHolder")]),
        (Indicators, true, [("指标体系", true, "Set"), ("代码", true, "Code"), ("名称", true, "Name"), ("英文名称", false, "NameEn"), ("维度", true, "Dimension"), ("权重", true, "Weight")]),
        (Methods, true, [("考核单位", true, "AppraisingBody"), ("负责人", false, "ForDirectors"), ("指标体系", true, "Set")]),
    ];

    // Each sheet's columns, looked up once per row written and per problem named.
    private static readonly Dictionary<string, (string Header, bool Required, string Field)[]> ColumnsOf = Layout.ToDictionary(l => l.Sheet, l => l.Columns);

    // Dates as offices type them when the cell is text, not an Excel date: ISO first, as the export writes them.
    private static readonly LocalDatePattern[] DatePatterns =
    [
        LocalDatePattern.Iso,
        LocalDatePattern.CreateWithInvariantCulture("uuuu'/'M'/'d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu'.'M'.'d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu'年'M'月'd'日'"),
    ];

    // 德、能、勤、绩、廉 (Art. 26), accepted beside the library's names.
    private static readonly Dictionary<string, Dimension> DimensionsZh = new()
    {
        ["德"] = Dimension.Integrity, ["能"] = Dimension.Ability, ["勤"] = Dimension.Diligence, ["绩"] = Dimension.Performance, ["廉"] = Dimension.Probity,
    };

    /// <summary>Writes the district as a roster workbook.</summary>
    /// <exception cref="InvalidOperationException">Two different indicator sets share a name.</exception>
    public static void Write(DistrictRoster roster, Stream stream)
    {
        var network = roster.Network;
        var sets = roster.Methods.Select(m => m.Set).Distinct().ToList();
        if (sets.GroupBy(set => set.Name).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Two different indicator sets are named '{clash.Key}'; the workbook names a set by its name.");
        }

        var sheets = new Dictionary<string, object>
        {
            [Bodies] = network.Bodies.Select(b => Row(Bodies, b.Id.Value, b.Name, b.Kind.ToString(), b.ParentId?.Value, b.Locality?.Value)).ToList(),
            [Units] = network.HomeUnits.Select(u => Row(Units, u.Id.Value, u.Name, u.Kind.ToString(), u.TownshipId?.Value)).ToList(),
            [Staff] = network.Staff.Select(s => Row(Staff, s.Id.Value, s.Name, Iso(s.BirthDate), s.HomeUnitId.Value, s.Role.ToString(), s.StationedAt?.Value,
                s.StationedOn is { } on ? Iso(on) : null, YesNo(s.ComputerProficient), YesNo(s.BusinessBackbone), YesNo(s.GridWorker), YesNo(s.TwoCommitteeMember))).ToList(),
            [Posts] = network.Posts.Select(p => Row(Posts, p.Id.Value, p.ServiceBodyId.Value, p.Name, p.AHolder.Value, p.BHolder.Value)).ToList(),
            [Indicators] = sets.SelectMany(set => set.Indicators.Select(i => Row(Indicators, set.Name, i.Code, i.Name.Zh, i.Name.En, i.Dimension.ToString(), i.Weight))).ToList(),
            [Methods] = roster.Methods.Select(m => Row(Methods, m.AppraisingBody.ServiceBody?.Value ?? m.AppraisingBody.HomeUnit?.Value, YesNo(m.ForDirectors), m.Set.Name)).ToList(),
        };
        // A sheet with no rows still gets its header row, so the workbook reads back and an office sees the columns.
        foreach (var (sheet, _, columns) in Layout)
        {
            if (sheets[sheet] is List<Dictionary<string, object?>> { Count: 0 })
            {
                var empty = new System.Data.DataTable(sheet);
                foreach (var (header, _, _) in columns)
                {
                    empty.Columns.Add(header, typeof(object));
                }

                sheets[sheet] = empty;
            }
        }

        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>Reads a roster workbook: the district, or every problem found, each naming its sheet and cell.</summary>
    public static (DistrictRoster? Roster, IReadOnlyList<string> Problems) Read(string path, LocalDate asOf)
    {
        // A FIFO would wait for a writer and a device never ends: only a regular file is opened.
        if (FileKind.NotRegular(path, followLinks: true) is { } kind)
        {
            return (null, [$"{path}: {kind}, not a workbook file; give the .xlsx file itself"]);
        }

        try
        {
            // Read by content, whatever the file is called; a file that is no workbook is one problem, not a trace.
            using var stream = File.OpenRead(path);
            if (stream.Length > WorkbookPackage.MaxFileBytes)
            {
                return (null, [$"{path}: {stream.Length:N0} bytes, past the roster's limit of {WorkbookPackage.MaxFileBytes >> 20} MiB"]);
            }

            var sheets = Layout.Select(l => l.Sheet).ToArray();
            return WorkbookPackage.Check(stream, path, sheets) is { Count: > 0 } refused ? (null, refused) : Read(stream, asOf);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return (null, [$"{path}: not a readable .xlsx workbook ({e.GetBaseException().Message.ReplaceLineEndings(" ")})"]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException
                                   or KeyNotFoundException or NotSupportedException or NullReferenceException)
        {
            // The spreadsheet reader's own complaint (e.g. "Sequence contains no matching element", or a null it met in
            // a part it assumed) means nothing to an office; the package check above names the problems it can.
            return (null, [$"{path}: not a readable .xlsx workbook (its parts do not form a spreadsheet that can be read)"]);
        }
    }

    private static (DistrictRoster? Roster, IReadOnlyList<string> Problems) Read(Stream stream, LocalDate asOf)
    {
        var problems = new List<string>();
        var names = stream.GetSheetNames();

        // Rows are streamed from the file, one sheet at a time, so a large roster is never held as cells all at once.
        IEnumerable<IDictionary<string, object?>> Query(string sheet)
        {
            stream.Position = 0;
            foreach (var row in stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                yield return (IDictionary<string, object?>)row;
            }
        }

        var sheets = new Dictionary<string, Sheet>();
        foreach (var (sheet, optional, columns) in Layout)
        {
            if (!names.Contains(sheet))
            {
                if (!optional)
                {
                    problems.Add($"{sheet}: the sheet is missing (sheets: {string.Join("、", Layout.Where(l => !l.Optional).Select(l => l.Sheet))})");
                }

                continue;
            }

            if (Query(sheet).FirstOrDefault() is not { } header)
            {
                // A blank sheet holds no records; only a sheet with rows needs its columns.
                sheets[sheet] = new Sheet(sheet, [], () => []);
                continue;
            }

            var letters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (letter, value) in header)
            {
                if (value is not null && Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } name && !letters.TryAdd(name, letter))
                {
                    problems.Add($"{sheet}!{letter}1: the column {name} appears twice (first at {letters[name]}1)");
                }
            }

            foreach (var (name, required, _) in columns)
            {
                if (required && !letters.ContainsKey(name))
                {
                    problems.Add($"{sheet}!1: the column {name} is missing");
                }
            }

            sheets[sheet] = new Sheet(sheet, letters, () => Query(sheet).Skip(1).Select((r, i) => (Row: i + 2, Cells: r))
                .Where(r => r.Cells.Values.Any(v => v is not null && !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)))));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var bodies = new List<ServiceBody>();
        var bodyKinds = new Dictionary<ServiceBodyId, ServiceBodyKind>();
        var s = sheets[Bodies];
        foreach (var (row, cells) in s.Rows)
        {
            var id = s.Id(cells, row, "编号", v => new ServiceBodyId(v), problems);
            var name = s.Text(cells, row, "名称", problems);
            var kind = s.Enum<ServiceBodyKind>(cells, row, "类型", problems);
            if (id is { } i && bodyKinds.ContainsKey(i))
            {
                problems.Add($"{s.Cell(row, "编号")}: the id {i} appears twice");
                continue;
            }

            var parent = s.OptionalId(cells, row, "上级机构", v => new ServiceBodyId(v), problems);
            var locality = s.OptionalId(cells, row, "所在单位", v => new HomeUnitId(v), problems);
            if (id is { } ok && name is not null && kind is { } k)
            {
                bodyKinds[ok] = k;
                s.RowOf[ok.Value] = row;
                if (s.Make(row, () => new ServiceBody(ok, k, name, parent, locality), problems) is { } body)
                {
                    bodies.Add(body);
                }
            }
        }

        var units = new List<HomeUnit>();
        var unitIds = new HashSet<HomeUnitId>();
        s = sheets[Units];
        foreach (var (row, cells) in s.Rows)
        {
            var id = s.Id(cells, row, "编号", v => new HomeUnitId(v), problems);
            var name = s.Text(cells, row, "名称", problems);
            var kind = s.Enum<HomeUnitKind>(cells, row, "类型", problems);
            if (id is { } i && !unitIds.Add(i))
            {
                problems.Add($"{s.Cell(row, "编号")}: the id {i} appears twice");
                continue;
            }

            var township = s.OptionalId(cells, row, "所属乡镇", v => new HomeUnitId(v), problems);
            if (id is { } ok && name is not null && kind is { } k)
            {
                s.RowOf[ok.Value] = row;
                if (s.Make(row, () => new HomeUnit(ok, k, name, township), problems) is { } unit)
                {
                    units.Add(unit);
                }
            }
        }

        var staff = new List<StaffMember>();
        var staffIds = new HashSet<StaffId>();
        s = sheets[Staff];
        foreach (var (row, cells) in s.Rows)
        {
            var id = s.Id(cells, row, "编号", v => new StaffId(v), problems);
            var name = s.Text(cells, row, "姓名", problems);
            var born = s.Date(cells, row, "出生日期", required: true, problems);
            var unit = s.Id(cells, row, "派出单位", v => new HomeUnitId(v), problems);
            var role = s.Enum<Role>(cells, row, "角色", problems);
            var at = s.OptionalId(cells, row, "进驻机构", v => new ServiceBodyId(v), problems);
            var on = s.Date(cells, row, "进驻日期", required: false, problems);
            if (id is { } i && !staffIds.Add(i))
            {
                problems.Add($"{s.Cell(row, "编号")}: the id {i} appears twice");
                continue;
            }

            if (unit is { } u && !unitIds.Contains(u))
            {
                problems.Add($"{s.Cell(row, "派出单位")}: no home unit {u} on the sheet {Units}");
            }

            if (at is { } b)
            {
                if (!bodyKinds.TryGetValue(b, out var bodyKind))
                {
                    problems.Add($"{s.Cell(row, "进驻机构")}: no service body {b} on the sheet {Bodies}");
                }
                else if (role == Role.VillageAgent && bodyKind != ServiceBodyKind.VillageCentre)
                {
                    problems.Add($"{s.Cell(row, "进驻机构")}: a village agent (代办员, Art. 11) serves at a village centre, not at {b} ({bodyKind})");
                }
            }

            var (computer, backbone, grid, committee) = (s.Flag(cells, row, "熟练使用计算机", problems), s.Flag(cells, row, "业务骨干", problems),
                s.Flag(cells, row, "网格员", problems), s.Flag(cells, row, "两委成员", problems));
            if (id is { } ok && name is not null && born is { } bd && unit is { } hu && role is { } r)
            {
                s.RowOf[ok.Value] = row;
                if (s.Make(row, () => new StaffMember(ok, name, bd, hu, r, at, computer, backbone, grid, committee) { StationedOn = on }, problems) is { } person)
                {
                    staff.Add(person);
                }
            }
        }

        var posts = new List<Post>();
        s = sheets[Posts];
        foreach (var (row, cells) in s.Rows)
        {
            var id = s.Id(cells, row, "编号", v => new PostId(v), problems);
            var body = s.Id(cells, row, "机构", v => new ServiceBodyId(v), problems);
            var name = s.Text(cells, row, "名称", problems);
            var a = s.Id(cells, row, "A岗", v => new StaffId(v), problems);
            var b = s.Id(cells, row, "B岗", v => new StaffId(v), problems);
            foreach (var (column, holder) in new[] { ("A岗", a), ("B岗", b) })
            {
                if (holder is { } h && !staffIds.Contains(h))
                {
                    problems.Add($"{s.Cell(row, column)}: no staff member {h} on the sheet {Staff}");
                }
            }

            if (body is { } bid && !bodyKinds.ContainsKey(bid))
            {
                problems.Add($"{s.Cell(row, "机构")}: no service body {bid} on the sheet {Bodies}");
            }

            if (id is { } pid && body is { } pb && name is not null && a is { } pa && b is { } pbh)
            {
                s.RowOf[pid.Value] = row;
                if (s.Make(row, () => new Post(pid, pb, name, pa, pbh), problems) is { } post)
                {
                    posts.Add(post);
                }
            }
        }

        var methods = ReadMethods(sheets, bodyKinds, units, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        try
        {
            return (new DistrictRoster(new ServiceNetwork(bodies, units, staff, posts, asOf), methods), []);
        }
        catch (ServiceNetworkValidationException e)
        {
            // What only the whole network shows (a centre under the wrong parent, a person of one tier at a body of
            // another, a post holder stationed elsewhere): named by the record's row and the field's column.
            return (null, [.. e.Problems.Select(p =>
            {
                var sheet = sheets[p.Record switch
                {
                    NetworkRecordKind.ServiceBody => Bodies,
                    NetworkRecordKind.HomeUnit => Units,
                    NetworkRecordKind.StaffMember => Staff,
                    _ => Posts,
                }];
                return $"{sheet.Locate(p.Id, p.Field)}: {p.Message}";
            })]);
        }
    }

    // 考核指标 rows grouped into sets by name, in the order met; 考核办法 rows naming who scores on which set.
    private static List<AppraisalMethod> ReadMethods(Dictionary<string, Sheet> sheets, Dictionary<ServiceBodyId, ServiceBodyKind> bodies, List<HomeUnit> units, List<string> problems)
    {
        var sets = new Dictionary<string, IndicatorSet>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal); // every set named on 考核指标, usable or not
        if (sheets.TryGetValue(Indicators, out var s))
        {
            var grouped = new Dictionary<string, (int FirstRow, List<Indicator> Indicators, bool Broken)>(StringComparer.Ordinal);
            foreach (var (row, cells) in s.Rows)
            {
                var set = s.Text(cells, row, "指标体系", problems);
                var code = s.Text(cells, row, "代码", problems);
                var name = s.Text(cells, row, "名称", problems);
                var dimension = s.Dimension(cells, row, "维度", problems);
                var weight = s.Positive(cells, row, "权重", problems);
                if (set is null)
                {
                    continue;
                }

                var entry = grouped.TryGetValue(set, out var e) ? e : (FirstRow: row, Indicators: new List<Indicator>(), Broken: false);
                Indicator? indicator = null;
                if (code is not null && name is not null && dimension is { } d && weight is { } w)
                {
                    try
                    {
                        indicator = new Indicator(code, new LocalizedText(name, s.Optional(cells, "英文名称") ?? name), d, w);
                    }
                    catch (ArgumentException)
                    {
                        problems.Add($"{s.Cell(row, "代码")}: '{code}' is not a usable code (letters, digits, '-' and '_')");
                    }
                }

                if (indicator is null)
                {
                    entry.Broken = true;
                }
                else
                {
                    entry.Indicators.Add(indicator);
                }

                grouped[set] = entry;
                named.Add(set);
            }

            foreach (var (name, (firstRow, indicators, broken)) in grouped)
            {
                if (broken)
                {
                    continue; // its rows are named already
                }

                try
                {
                    sets[name] = new IndicatorSet(name, indicators);
                }
                catch (ArgumentException e)
                {
                    // A code used twice, or a dimension of Art. 26 left unscored: named by the set's first row.
                    problems.Add($"{s.Cell(firstRow, "指标体系")}: {Plain(e)}");
                }
            }
        }

        var methods = new List<AppraisalMethod>();
        if (!sheets.TryGetValue(Methods, out s))
        {
            return methods;
        }

        var bodyKinds = bodies.ToDictionary(b => b.Key.Value, b => b.Value, StringComparer.Ordinal);
        var unitKinds = units.ToDictionary(u => u.Id.Value, u => u.Kind, StringComparer.Ordinal);
        var seen = new Dictionary<(Party, bool), int>();
        foreach (var (row, cells) in s.Rows)
        {
            var body = s.Text(cells, row, "考核单位", problems);
            var directors = s.Flag(cells, row, "负责人", problems);
            var setName = s.Text(cells, row, "指标体系", problems);
            Party? party = null;
            if (body is not null)
            {
                if (bodyKinds.TryGetValue(body, out var kind))
                {
                    if (kind == ServiceBodyKind.ServiceHall)
                    {
                        party = Party.Of(new ServiceBodyId(body));
                    }
                    else
                    {
                        // Arts. 24–25: a township appraises its centre's staff and its village agents, not the centre.
                        problems.Add($"{s.Cell(row, "考核单位")}: {body} is a {kind}, which appraises nobody; its staff are appraised by their township (Arts. 24–25) — name the township from {Units}");
                    }
                }
                else if (unitKinds.TryGetValue(body, out var unitKind))
                {
                    if (unitKind == HomeUnitKind.Township)
                    {
                        party = Party.Of(new HomeUnitId(body));
                    }
                    else
                    {
                        // The scenario reader's rule too (appraisalMethods): Art. 27 names the service centre and each township.
                        problems.Add($"{s.Cell(row, "考核单位")}: {body} is a {unitKind}; Art. 27 has the service centre and each township (政务服务中心、各乡镇) make an appraisal method — name the hall or a township");
                    }
                }
                else
                {
                    problems.Add($"{s.Cell(row, "考核单位")}: no service body or home unit {body} on the sheets {Bodies} and {Units}");
                }
            }

            IndicatorSet? set = null;
            // A set whose own rows have problems is named there already.
            if (setName is not null && !sets.TryGetValue(setName, out set) && !named.Contains(setName))
            {
                problems.Add($"{s.Cell(row, "指标体系")}: no indicator set {setName} on the sheet {Indicators}");
            }

            if (party is { } p)
            {
                if (seen.TryGetValue((p, directors), out var first))
                {
                    problems.Add($"{s.Cell(row, "考核单位")}: {body} already has a set for {(directors ? "directors" : "window staff and agents")} (row {first})");
                    continue;
                }

                seen[(p, directors)] = row;
                if (set is not null)
                {
                    methods.Add(new AppraisalMethod(p, directors, set));
                }
            }
        }

        return methods;
    }

    private static Dictionary<string, object?> Row(string sheet, params object?[] values)
    {
        var columns = ColumnsOf[sheet];
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Length; i++)
        {
            row[columns[i].Header] = values[i];
        }

        return row;
    }

    private static string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);

    private static string YesNo(bool b) => b ? "是" : "否";

    // An ArgumentException's message without the " (Parameter 'x')" the runtime appends: the cell says where.
    private static string Plain(ArgumentException e) =>
        e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var cut and >= 0 ? cut : e.Message.Length)];

    private sealed record Sheet(string Name, Dictionary<string, string> Letters, Func<IEnumerable<(int Row, IDictionary<string, object?> Cells)>> Read)
    {
        public IEnumerable<(int Row, IDictionary<string, object?> Cells)> Rows => Read();

        /// <summary>The row each record came from, by id.</summary>
        public Dictionary<string, int> RowOf { get; } = new(StringComparer.Ordinal);

        public string Cell(int row, string column) => $"{Name}!{Letters.GetValueOrDefault(column, "?")}{row}";

        /// <summary>The cell of a record's field (a property or constructor parameter name); its id's cell when the field is no column.</summary>
        public string Locate(string? id, string? field) =>
            id is not null && RowOf.TryGetValue(id, out var row) ? Cell(row, HeaderOf(field)) : Name;

        /// <summary>A record built from a row; what its constructor refuses is a problem named by the cell of the field it names.</summary>
        public T? Make<T>(int row, Func<T> make, List<string> problems)
            where T : class
        {
            try
            {
                return make();
            }
            catch (ArgumentException e)
            {
                problems.Add($"{Cell(row, HeaderOf(e.ParamName))}: {Plain(e)}");
                return null;
            }
        }

        // The column a field fills, when the sheet has it; otherwise the id's, which every sheet has.
        private string HeaderOf(string? field) =>
            ColumnsOf[Name].FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)).Header is { } header && Letters.ContainsKey(header)
                ? header
                : "编号";

        public T? OptionalId<T>(IDictionary<string, object?> cells, int row, string column, Func<string, T> make, List<string> problems)
            where T : struct => Optional(cells, column) is null ? null : Id(cells, row, column, make, problems);

        public string? Optional(IDictionary<string, object?> cells, string column) =>
            Letters.TryGetValue(column, out var letter) && cells.TryGetValue(letter, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() is { Length: > 0 } text ? text : null;

        public string? Text(IDictionary<string, object?> cells, int row, string column, List<string> problems)
        {
            var text = Optional(cells, column);
            if (text is null)
            {
                problems.Add($"{Cell(row, column)}: {column} is empty");
            }

            return text;
        }

        public T? Id<T>(IDictionary<string, object?> cells, int row, string column, Func<string, T> make, List<string> problems)
            where T : struct
        {
            if (Text(cells, row, column, problems) is not { } text)
            {
                return null;
            }

            try
            {
                return make(text);
            }
            catch (ArgumentException)
            {
                problems.Add($"{Cell(row, column)}: '{text}' is not a usable id (letters, digits, '-' and '_')");
                return null;
            }
        }

        public T? Enum<T>(IDictionary<string, object?> cells, int row, string column, List<string> problems)
            where T : struct, Enum
        {
            if (Text(cells, row, column, problems) is not { } text)
            {
                return null;
            }

            if (Named<T>(text) is { } value)
            {
                return value;
            }

            problems.Add($"{Cell(row, column)}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
            return null;
        }

        public LocalDate? Date(IDictionary<string, object?> cells, int row, string column, bool required, List<string> problems)
        {
            if (!Letters.TryGetValue(column, out var letter) || !cells.TryGetValue(letter, out var v) || v is null || (v is string s0 && string.IsNullOrWhiteSpace(s0)))
            {
                if (required)
                {
                    problems.Add($"{Cell(row, column)}: {column} is empty");
                }

                return null;
            }

            switch (v)
            {
                case DateTime dt when dt.Year is >= 1900 and <= 2100:
                    return LocalDate.FromDateTime(dt);
                case string text when DatePatterns.Select(p => p.Parse(text.Trim())).FirstOrDefault(r => r.Success) is { } parsed && parsed.Value.Year is >= 1900 and <= 2100:
                    return parsed.Value;
                default:
                    problems.Add($"{Cell(row, column)}: '{Convert.ToString(v, CultureInfo.InvariantCulture)}' is not a date (yyyy-MM-dd, yyyy/M/d, yyyy.M.d or yyyy年M月d日)");
                    return null;
            }
        }

        public Dimension? Dimension(IDictionary<string, object?> cells, int row, string column, List<string> problems)
        {
            if (Text(cells, row, column, problems) is not { } text)
            {
                return null;
            }

            if ((DimensionsZh.TryGetValue(text, out var zh) ? zh : Named<Dimension>(text)) is { } value)
            {
                return value;
            }

            problems.Add($"{Cell(row, column)}: '{text}' is not a dimension of Art. 26 (德 能 勤 绩 廉, or {string.Join(", ", System.Enum.GetNames<Dimension>())})");
            return null;
        }

        // An enum by its name only: a number would parse as any value, defined or not.
        private static T? Named<T>(string text)
            where T : struct, Enum =>
            System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

        public decimal? Positive(IDictionary<string, object?> cells, int row, string column, List<string> problems)
        {
            if (Text(cells, row, column, problems) is not { } text)
            {
                return null;
            }

            // A number cell reads as a double, a text cell as its text: both must be a positive number.
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            problems.Add($"{Cell(row, column)}: '{text}' is not a positive number");
            return null;
        }

        public bool Flag(IDictionary<string, object?> cells, int row, string column, List<string> problems)
        {
            var text = Optional(cells, column);
            switch (text)
            {
                case null or "否" or "no" or "false" or "0":
                    return false;
                case "是" or "yes" or "true" or "1":
                    return true;
                default:
                    problems.Add($"{Cell(row, column)}: '{text}' is not 是 or 否");
                    return false;
            }
        }
    }
}
