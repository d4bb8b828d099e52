using GovStaff.Policy.Organization;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Organization;

/// <summary>A network moved to another date keeps its entities and lookups, and is validated again for that date.</summary>
public class ServiceNetworkAsOfDateTest
{
    [Fact]
    public void AnotherDate_KeepsTheEntitiesAndLookups()
    {
        var network = Network();
        var later = network.AsOfDate(new LocalDate(2023, 6, 1));
        Assert.Equal(new LocalDate(2023, 6, 1), later.AsOf);
        Assert.Equal(network.Staff, later.Staff);
        Assert.Equal(network.GetStaff(new StaffId("W-BH1")), later.GetStaff(new StaffId("W-BH1")));
        Assert.Equal(network.StaffAt(BinheCentre), later.StaffAt(BinheCentre));
        Assert.Same(network, network.AsOfDate(network.AsOf));
    }

    [Fact]
    public void ADateBeforeSomeonesBirth_IsRefused_NamingThePerson_AsTheConstructorDoes()
    {
        var network = Network([Person("YOUNG", "新人", new(2001, 3, 4), Binhe, Role.Other)]);
        var moved = Assert.Throws<ServiceNetworkValidationException>(() => network.AsOfDate(new LocalDate(2000, 1, 1)));
        var built = Assert.Throws<ServiceNetworkValidationException>(() => Network([Person("YOUNG", "新人", new(2001, 3, 4), Binhe, Role.Other)], new LocalDate(2000, 1, 1)));
        Assert.Equal(built.Errors, moved.Errors);
        Assert.Contains(moved.Errors, e => e.Contains("'YOUNG'", StringComparison.Ordinal) && e.Contains("2001-03-04", StringComparison.Ordinal));
    }
}
