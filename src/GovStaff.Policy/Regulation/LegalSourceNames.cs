namespace GovStaff.Policy.Regulation;

/// <summary>Names of the legal sources in both languages.</summary>
public static class LegalSourceNames
{
    /// <summary>The short Chinese title, without book-title marks: 行政许可法.</summary>
    public static string ChineseName(this LegalSource source) => source switch
    {
        LegalSource.Measures => "沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）",
        LegalSource.AdministrativeLicensingLaw => "行政许可法",
        LegalSource.CivilCode => "民法典",
        LegalSource.CivilServantLaw => "公务员法",
        LegalSource.NationalHolidayMeasures => "全国年节及纪念日放假办法",
        LegalSource.RatingSystemOpinion => "国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown legal source."),
    };

    /// <summary>The English short title: Administrative Licensing Law.</summary>
    public static string EnglishName(this LegalSource source) => source switch
    {
        LegalSource.Measures => "Shapotou Measures (trial, draft for comments)",
        LegalSource.AdministrativeLicensingLaw => "Administrative Licensing Law",
        LegalSource.CivilCode => "Civil Code",
        LegalSource.CivilServantLaw => "Civil Servant Law",
        LegalSource.NationalHolidayMeasures => "National Holidays Measures",
        LegalSource.RatingSystemOpinion => "State Council General Office Opinion on the Good/Bad Rating of Government Services",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown legal source."),
    };

    /// <summary>The document number of an instrument cited as a whole (国办发〔2019〕51号); null for laws cited by article.</summary>
    public static string? DocumentNumber(this LegalSource source) => source switch
    {
        LegalSource.RatingSystemOpinion => "国办发〔2019〕51号",
        _ => null,
    };

    /// <summary>The document number in English (Guobanfa [2019] No. 51); null for laws cited by article.</summary>
    internal static string? EnglishDocumentNumber(this LegalSource source) => source switch
    {
        LegalSource.RatingSystemOpinion => "Guobanfa [2019] No. 51",
        _ => null,
    };

    internal static readonly LegalSource[] All = Enum.GetValues<LegalSource>();
}
