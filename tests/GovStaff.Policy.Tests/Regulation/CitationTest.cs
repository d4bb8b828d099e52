using CsCheck;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Tests.Regulation;

public class CitationTest
{
    [Theory]
    [InlineData(12, 5, "第十二条第（五）项", "Art. 12(5)")]
    [InlineData(12, 10, "第十二条第（十）项", "Art. 12(10)")]
    [InlineData(4, null, "第四条", "Art. 4")]
    [InlineData(10, null, "第十条", "Art. 10")]
    [InlineData(21, null, "第二十一条", "Art. 21")]
    [InlineData(31, null, "第三十一条", "Art. 31")]
    [InlineData(8, 2, "第八条第（二）项", "Art. 8(2)")]
    public void Render_BothForms(int article, int? item, string zh, string en)
    {
        var c = new Citation(article, item);
        Assert.Equal(zh, c.ToChinese());
        Assert.Equal(en, c.ToEnglish());
        Assert.Equal(en, c.ToString());
        Assert.Equal($"{zh} / {en}", c.ToString("both", null));
        Assert.Equal(c, Citation.Parse(zh));
        Assert.Equal(c, Citation.Parse(en));
    }

    [Theory]
    [InlineData(LegalSource.AdministrativeLicensingLaw, 42, "《行政许可法》第四十二条", "Administrative Licensing Law Art. 42")]
    [InlineData(LegalSource.CivilCode, 203, "《民法典》第二百零三条", "Civil Code Art. 203")]
    [InlineData(LegalSource.CivilCode, 1259, "《民法典》第一千二百五十九条", "Civil Code Art. 1259")]
    public void Render_OtherLaws(LegalSource source, int article, string zh, string en)
    {
        var c = new Citation(source, article);
        Assert.Equal(zh, c.ToChinese());
        Assert.Equal(en, c.ToEnglish());
        Assert.Equal(c, Citation.Parse(zh));
        Assert.Equal(c, Citation.Parse(en));
        Assert.Equal(c, Citation.Parse("《中华人民共和国" + zh[1..]));
    }

    [Theory]
    [InlineData("笫七条", 7, null)]
    [InlineData("第十二条第(五)项", 12, 5)]
    [InlineData("  Art. 12(6) ", 12, 6)]
    [InlineData("第一十二条", 12, null)]
    public void Parse_AcceptsVariantsSeenInPractice(string text, int article, int? item)
    {
        Assert.Equal(new Citation(article, item), Citation.Parse(text));
    }

    [Theory]
    [InlineData("Art. 32")]
    [InlineData("第三十二条")]
    [InlineData("Art. 12(11)")]
    [InlineData("第十二条第（十一）项")]
    [InlineData("Art. 13(1)")]
    [InlineData("Art. 0")]
    [InlineData("Article twelve")]
    [InlineData("第十二")]
    [InlineData("《刑法》第一条")]
    [InlineData("")]
    [InlineData("Art. 12(")]
    [InlineData("第二十零条")]
    public void Parse_RejectsWhatIsNotACitationOfAnExistingProvision(string text)
    {
        Assert.False(Citation.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Citation.Parse(text));
    }

    [Fact]
    public void Construct_RejectsMissingArticlesAndItems()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(12, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(0));
    }

    [Fact]
    public void Ordering_IsDocumentOrder()
    {
        var shuffled = new[] { new Citation(12, 5), new Citation(4), new Citation(12), new Citation(12, 10), new Citation(LegalSource.AdministrativeLicensingLaw, 42), new Citation(12, 2) };
        Assert.Equal(
            [new(4), new(12), new(12, 2), new(12, 5), new(12, 10), new(LegalSource.AdministrativeLicensingLaw, 42)],
            shuffled.Order().ToArray());
        Assert.True(new Citation(12, 5) < new Citation(13));
        Assert.True(new Citation(12) < new Citation(12, 1));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new Citation(12, 5), new Citation(LegalSource.Measures, 12, 5));
        Assert.NotEqual(new Citation(12, 5), new Citation(12));
        Assert.NotEqual(new Citation(4), new Citation(LegalSource.CivilCode, 4));
    }

    [Fact]
    public void EveryProvisionOfTheMeasures_RoundTripsThroughBothForms()
    {
        foreach (var article in RegulationCatalogue.Articles)
        {
            foreach (var c in article.Items.Select(i => i.Citation).Prepend(article.Citation))
            {
                Assert.Equal(c, Citation.Parse(c.ToChinese()));
                Assert.Equal(c, Citation.Parse(c.ToEnglish()));
            }
        }
    }

    [Fact]
    public void ChineseNumerals_RoundTripFrom1To9999()
    {
        Gen.Int[1, 9999].Sample(n => ChineseNumerals.TryParse(ChineseNumerals.Format(n), out var back) && back == n);
    }

    [Theory]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1001, "一千零一")]
    [InlineData(1010, "一千零一十")]
    [InlineData(1259, "一千二百五十九")]
    public void ChineseNumerals_UseStatuteSpelling(int n, string expected)
    {
        Assert.Equal(expected, ChineseNumerals.Format(n));
    }

    [Fact]
    public void TheRatingOpinion_IsCitedAsAWholeDocument_AndReadBackInEveryForm()
    {
        var opinion = new Citation(LegalSource.RatingSystemOpinion);
        Assert.True(opinion.IsWholeInstrument);
        Assert.Equal("《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）", opinion.ToChinese());
        Assert.Contains("Guobanfa [2019] No. 51", opinion.ToEnglish());
        Assert.Equal(opinion, Citation.Parse(opinion.ToChinese()));
        Assert.Equal(opinion, Citation.Parse(opinion.ToEnglish()));
        Assert.Equal(opinion, Citation.Parse("国办发〔2019〕51号"));
        Assert.Equal(opinion, Serialization.GovStaffJson.Deserialize<Citation>(Serialization.GovStaffJson.Serialize(opinion)));
        Assert.Equal(opinion, opinion.WholeArticle);
        Assert.True(new Citation(20) < opinion);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(LegalSource.CivilCode));
    }

    [Fact]
    public void TheMeasuresTitle_KeepsDraftForComments_AndTheShortTitleStillParses()
    {
        Assert.Equal("沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）", LegalSource.Measures.ChineseName());
        Assert.EndsWith("（征求意见稿）", PolicyVersion.Trial2021.Title.Zh);
        Assert.Equal(new Citation(4), Citation.Parse("《沙坡头区基层政务服务人员队伍建设管理办法》第四条"));
        Assert.Equal(new Citation(4), Citation.Parse("《沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）》第四条"));
    }
}
