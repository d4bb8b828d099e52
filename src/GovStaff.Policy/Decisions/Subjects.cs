using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Decisions;

/// <summary>The subject strings decisions and findings use: <c>staff:S001</c>, <c>body:hall</c>, <c>unit:binhe</c>.</summary>
internal static class Subjects
{
    /// <summary><c>staff:{id}</c></summary>
    public static string Of(StaffId id) => "staff:" + id;

    /// <summary><c>body:{id}</c></summary>
    public static string Of(ServiceBodyId id) => "body:" + id;

    /// <summary><c>unit:{id}</c></summary>
    public static string Of(HomeUnitId id) => "unit:" + id;

    /// <summary><c>post:{id}</c></summary>
    public static string Of(PostId id) => "post:" + id;
}
