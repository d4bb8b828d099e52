using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Policy.Tests.Regulation;

public class RegulationCatalogueTest
{
    private static readonly string SharedText = File.ReadAllText(Path.Combine(Repo.Shared, "regulation", "measures.zh.txt"));

    [Fact]
    public void Catalogue_HoldsAll31ArticlesInOrder()
    {
        Assert.Equal(31, RegulationCatalogue.Articles.Count);
        Assert.Equal(Enumerable.Range(1, 31), RegulationCatalogue.Articles.Select(a => a.Number));
    }

    [Fact]
    public void EmbeddedText_IsTheSharedMeasuresByteForByte()
    {
        Assert.Equal(SharedText, RegulationCatalogue.ReadEmbeddedText());
    }

    [Fact]
    public void EveryArticleText_IsVerbatimFromTheMeasures()
    {
        var lines = SharedText.Split('\n');
        foreach (var article in RegulationCatalogue.Articles)
        {
            foreach (var line in article.ChineseText.Split('\n'))
            {
                Assert.Contains(line, lines);
            }
        }

        // Every line of the source that starts an article or an item is in exactly one article.
        var articleLines = RegulationCatalogue.Articles.SelectMany(a => a.ChineseText.Split('\n')).ToList();
        var sourceLines = lines.Where(l => l.StartsWith('第') && l.Contains('条') && !l.Contains('章') || l.StartsWith('笫') || l.StartsWith('（')).ToList();
        Assert.Equal(sourceLines, articleLines);
    }

    [Fact]
    public void Art12_HasTenAddressableItems()
    {
        var art12 = RegulationCatalogue.GetArticle(12);
        Assert.Equal(10, art12.Items.Count);
        Assert.StartsWith("（五）限时办结制。", art12.GetItem(5).ChineseText);
        Assert.Equal(new Citation(12, 5), art12.GetItem(5).Citation);
        Assert.StartsWith("（六）AB岗工作制度。", RegulationCatalogue.Resolve(new Citation(12, 6)).ChineseText);
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(9, 4)]
    [InlineData(10, 4)]
    [InlineData(11, 4)]
    [InlineData(12, 10)]
    [InlineData(14, 4)]
    [InlineData(13, 0)]
    [InlineData(29, 0)]
    public void Items_AreCountedPerArticle(int article, int items)
    {
        Assert.Equal(items, RegulationCatalogue.GetArticle(article).Items.Count);
        Assert.Equal(items, RegulationCatalogue.ItemCount(article));
    }

    [Fact]
    public void DraftTypos_AreKeptNotCorrected()
    {
        Assert.StartsWith("笫七条", RegulationCatalogue.GetArticle(7).ChineseText);
        Assert.StartsWith("笫十三条", RegulationCatalogue.GetArticle(13).ChineseText);
        Assert.Contains("互为AR岗", RegulationCatalogue.GetArticle(12).GetItem(6).ChineseText);
    }

    [Theory]
    [InlineData(1, ArticleKind.Context)]
    [InlineData(2, ArticleKind.Rule)]
    [InlineData(8, ArticleKind.Record)]
    [InlineData(14, ArticleKind.Record)]
    [InlineData(19, ArticleKind.Context)]
    [InlineData(30, ArticleKind.Context)]
    [InlineData(31, ArticleKind.Rule)]
    public void Kinds_FollowArticlesMd(int article, ArticleKind kind)
    {
        Assert.Equal(kind, RegulationCatalogue.GetArticle(article).Kind);
    }

    [Fact]
    public void Art12Items3And4_AreRuleAndRecord()
    {
        Assert.Equal(ArticleKind.Rule | ArticleKind.Record, RegulationCatalogue.GetArticle(12).GetItem(3).Kind);
        Assert.Equal(ArticleKind.Rule | ArticleKind.Record, RegulationCatalogue.GetArticle(12).GetItem(4).Kind);
        Assert.Equal(ArticleKind.Context, RegulationCatalogue.GetArticle(12).GetItem(10).Kind);
    }

    [Fact]
    public void Chapters_CoverEveryArticleOnce()
    {
        Assert.Equal(7, RegulationCatalogue.Chapters.Count);
        Assert.Equal("人员选派", RegulationCatalogue.GetArticle(4).Chapter.Title.Zh);
        Assert.Equal("考核奖惩", RegulationCatalogue.GetArticle(29).Chapter.Title.Zh);
        Assert.Equal(Enumerable.Range(1, 31), RegulationCatalogue.Chapters.SelectMany(c => Enumerable.Range(c.FirstArticle, c.LastArticle - c.FirstArticle + 1)));
    }

    [Fact]
    public void Art13_LimitsVillageAgentsToFiveWorkingRules()
    {
        var art12ForAgents = Role.VillageAgent.Provisions().Where(c => c.Article == 12).ToList();
        Assert.Equal([new(12, 3), new(12, 4), new(12, 5), new(12, 7), new(12, 9)], art12ForAgents);
        Assert.False(Role.VillageAgent.IsBoundBy(new Citation(12, 1))); // attendance
        Assert.False(Role.VillageAgent.IsBoundBy(new Citation(12, 2))); // leave
        Assert.False(Role.VillageAgent.IsBoundBy(new Citation(12, 6))); // A/B posts
        Assert.True(Role.VillageAgent.IsBoundBy(new Citation(12, 9))); // door-to-door
    }

    [Fact]
    public void WindowStaff_AreBoundByAllOfArt12()
    {
        foreach (var role in new[] { Role.HallWindowStaff, Role.TownshipWindowStaff })
        {
            for (var item = 1; item <= 10; item++)
            {
                Assert.True(role.IsBoundBy(new Citation(12, item)), $"{role} 12({item})");
            }
        }

        Assert.True(Role.HallWindowStaff.IsBoundBy(new Citation(12)));
    }

    [Fact]
    public void Duties_BindTheirOwnRoleOnly()
    {
        Assert.True(Role.HallOfficeDirector.IsBoundBy(new Citation(8, 2)));
        Assert.False(Role.TownshipCentreDirector.IsBoundBy(new Citation(8, 2)));
        Assert.True(Role.TownshipCentreDirector.IsBoundBy(new Citation(9)));
        Assert.True(Role.VillageAgent.IsBoundBy(new Citation(11, 2)));
        Assert.False(Role.VillageAgent.IsBoundBy(new Citation(10)));
    }

    [Fact]
    public void PoliceStaff_AreBoundByArt5AndArt7NotArt4()
    {
        var police = Role.TownshipWindowStaff.Provisions(isPoliceStaff: true);
        Assert.Contains(new Citation(5), police);
        Assert.Contains(new Citation(7), police);
        Assert.DoesNotContain(new Citation(4), police);
        Assert.DoesNotContain(new Citation(7), Role.TownshipWindowStaff.Provisions());
    }

    [Fact]
    public void OutOfScopeRole_IsBoundByNothing()
    {
        Assert.Empty(Role.Other.Provisions());
    }

    [Fact]
    public void ProvisionsForVillageAgent_Snapshot()
    {
        Snap.Match(Role.VillageAgent.Provisions().Select(c => c.ToString("both", null)));
    }
}
