namespace GovStaff.Policy.Regulation;

/// <summary>The instrument a <see cref="Citation"/> points into.</summary>
public enum LegalSource
{
    /// <summary>The Shapotou District measures this library models (《沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）》).</summary>
    Measures = 0,

    /// <summary>《中华人民共和国行政许可法》 (Administrative Licensing Law): time limits in working days, one-time notification.</summary>
    AdministrativeLicensingLaw = 1,

    /// <summary>《中华人民共和国民法典》 (Civil Code): how periods start and end (Art. 201–204), what 以上 includes (Art. 1259).</summary>
    CivilCode = 2,

    /// <summary>《中华人民共和国公务员法》 (Civil Servant Law): appraisal dimensions and working hours.</summary>
    CivilServantLaw = 3,

    /// <summary>《全国年节及纪念日放假办法》 (National Holidays Measures): public holidays, regional minority festivals.</summary>
    NationalHolidayMeasures = 4,

    /// <summary>
    /// 《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》 (国办发〔2019〕51号): the national good/bad
    /// rating system that Art. 20 refers to — a reason for a bad review, verification, rectification and return visits.
    /// It is cited as a whole (<see cref="Citation(LegalSource)"/>): it has sections, not articles.
    /// </summary>
    RatingSystemOpinion = 5,
}
