namespace GovStaff.Policy.Regulation;

/// <summary>The English gloss and kind of every article and item, following ARTICLES.md.</summary>
internal static class ArticleGlosses
{
    private const ArticleKind Rule = ArticleKind.Rule;
    private const ArticleKind Record = ArticleKind.Record;
    private const ArticleKind Context = ArticleKind.Context;

    internal static readonly (string Zh, string En)[] ChapterTitles =
    [
        ("总则", "General provisions"),
        ("人员选派", "Selection and stationing"),
        ("岗位职责", "Duties"),
        ("工作制度", "Working rules"),
        ("管理培训与监督", "Management, training and supervision"),
        ("考核奖惩", "Appraisal, rewards and sanctions"),
        ("总则", "Supplementary provisions (printed 总则 by mistake; it is 附则)"),
    ];

    internal static readonly (int First, int Last)[] ChapterRanges =
    [
        (1, 2), (3, 7), (8, 11), (12, 14), (15, 22), (23, 29), (30, 31),
    ];

    internal static readonly (ArticleKind Kind, string En)[] Articles =
    [
        (Context, "Purpose and legal basis: the district plan for integrating grassroots approval, service and enforcement."),
        (Rule, "Scope: staff of service bodies at three tiers (district, township, village) in five roles: hall operations & agency office director; hall window staff (incl. back office); township centre director; township window staff (incl. back office); village (community) agent. Anyone else is out of scope."),
        (Rule, "Every township designates exactly one township centre director (manages the township centre and the village centres below it); every department designates exactly one approval office director (back-office approvals; coordinates the hall, the home unit and the windows)."),
        (Rule, "Townships and departments station business backbone staff under 45 who are familiar with computer operation at township centres and the hall; staff stay stable, in principle no rotation within 2 years."),
        (Rule, "Township police stations station capable business backbone staff at their own township's centre to handle convenience items."),
        (Rule, "Village-level service staff are held concurrently by grid workers or members of the village two committees."),
        (Rule, "A police station that needs to adjust its stationed staff reports in advance to the service centre or the township centre for review and adjusts only after approval; no private or arbitrary recall; the adjusted person is reported to the service centre promptly."),
        (Record, "Duties of the hall operations & agency office director."),
        (Record, "Duties of the township livelihood service centre director."),
        (Record, "Duties of window staff."),
        (Record, "Duties of village (community) agents."),
        (Rule, "Working rules for window staff."),
        (Rule, "Village agents follow the first-contact, one-time notification, time-limited completion, appointment and door-to-door rules (not attendance, leave or A/B posts)."),
        (Record, "Service norms: appearance, conduct, attitude, civil language."),
        (Rule, "Hall staff are under dual management: the home unit guides the business, the service centre supervises daily work."),
        (Rule, "Township centre staff are managed by the township centre; police staff stationed there are under dual management (police station and township centre)."),
        (Rule, "Village agents are under dual management: the township centre and the village (residents') committee."),
        (Record, "Regular business training by the centre, the government office / approval bureau, home units, departments and townships."),
        (Context, "Each township centre issues its own window-staff measures with quantified indicators."),
        (Rule, "Service work is public except state secrets, commercial secrets and personal privacy; a rating (好差评) mechanism lets citizens rate windows directly."),
        (Rule, "Internal control: whole-process dynamic tracking, early warning, supervision (督办) and efficiency monitoring; the centre periodically reports three-tier service and online-case figures, which feed appraisal."),
        (Rule, "The hall and township centres accept complaints and reports, investigate, and feed the outcome back to the complainant."),
        (Rule, "Hall staff stationed half a year or more are appraised by the service centre."),
        (Rule, "Township centre staff are appraised by their township; police staff stationed there jointly by the police station and the township."),
        (Rule, "Village agents are appraised by their township."),
        (Rule, "Routine appraisal every quarter plus an annual appraisal, covering the five dimensions 德、能、勤、绩、廉."),
        (Rule, "The centre and townships set concrete methods: directors on cooperation, staff management and policy implementation; window staff on attitude, ability, cases handled and efficiency, including task completion, attendance and citizen satisfaction."),
        (Rule, "Outstanding staff may be commended; moral and material rewards combined."),
        (Rule, "One failed quarter: admonition talk by the service authority and rectification within a set time. Two consecutive failed quarters: the person is returned to the home unit and a replacement is nominated, who takes the post only after the service authority approves."),
        (Context, "Interpreted by the government office (approval service bureau)."),
        (Rule, "In force from 2021-××-×× until 2023-××-××: the draft leaves the days blank, so the effective period is configuration."),
    ];

    internal static readonly Dictionary<int, (ArticleKind Kind, string En)[]> Items = new()
    {
        [8] =
        [
            (Record, "Manage the unit's window staff and enforce the hall's rules."),
            (Record, "Organise lawful acceptance and handling of the unit's items; decision power for ordinary applications, review-and-report power for major items, coordination power, custody of the approval seal."),
            (Record, "Sort the unit's items and optimise processes."),
            (Context, "Other work of the unit."),
        ],
        [9] =
        [
            (Record, "Daily management, supervision and appraisal of the township centre and village centres; make and enforce rules."),
            (Record, "Coordinate with the hall and departments, push devolved items online, organise training of window staff and agents."),
            (Record, "Supervise, inspect and guide case handling."),
            (Context, "Other work assigned by the township, the centre and the approval bureau."),
        ],
        [10] =
        [
            (Record, "Follow the window rules; attend study and business training."),
            (Record, "Pre-review, accept and handle items; track each accepted case until completed and feed the result back to the applicant."),
            (Record, "Answer inquiries; promote the online channels (宁夏政务服务网, 我的宁夏 app) and ratings; raise the share of online cases."),
            (Context, "Other window work."),
        ],
        [11] =
        [
            (Record, "Keep the village centre's network running."),
            (Record, "Act as agent for citizens, track cases and feed results back; door-to-door agency for the elderly, weak, sick and disabled."),
            (Record, "Answer inquiries; promote the online channels and ratings; raise the share of online cases."),
            (Context, "Other agency work."),
        ],
        [12] =
        [
            (Rule, "Attendance: fixed office hours, on-site work, sign in and sign out at set times."),
            (Rule, "Leave: no lateness, early leave or unexcused absence; leave is requested in advance as a rule; report back (销假) promptly on return."),
            (Rule | Record, "First-contact responsibility: the first staff member who receives a person owns the request; outside the remit, give the reason and the competent department and its phone number."),
            (Rule | Record, "One-time complete notification: state the whole procedure and all materials at once; offer templates or say where to get them free."),
            (Rule, "Time-limited completion: a complete, lawful application is finished within the set time; the promised deadline may not exceed the statutory deadline."),
            (Rule, "A/B posts: two posts back each other up with zero vacancy; when A is away, B takes over; pairs are relatively fixed; no empty post."),
            (Rule, "Appointments by visit, phone or internet: answer promptly; if accepted, agree a time and list all materials at once; if refused, give the reason."),
            (Rule, "Extended hours: if a person is still being served at closing time and needs it, extend the hours."),
            (Rule, "Door-to-door service, free of charge, for people who cannot come because of age, weakness, illness or disability."),
            (Context, "Other rules of the region, city and district service authorities."),
        ],
        [14] =
        [
            (Record, "Appearance: neat, proper dress; no casual wear, shorts, slippers; tidy hair."),
            (Record, "Conduct: gentle and courteous; honest and self-disciplined, no \"eat, take, obstruct, demand\" (吃、拿、卡、要)."),
            (Record, "Attitude: proactive, polite, patient; clear answers; no stalling or arguments."),
            (Record, "Civil language; Mandarin encouraged."),
        ],
    };
}
