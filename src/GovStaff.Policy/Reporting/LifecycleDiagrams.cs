using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;

namespace GovStaff.Policy.Reporting;

/// <summary>The state diagrams of every lifecycle of the library, exported from their Stateless configurations.</summary>
public static class LifecycleDiagrams
{
    /// <summary>Every lifecycle's diagram, in the order of the measures.</summary>
    public static IReadOnlyList<LifecycleDiagram> All { get; } =
    [
        .. new[] { StationingLifecycle.Diagram, TransferLifecycle.Diagram, LeaveLifecycle.Diagram, ComplaintLifecycle.Diagram, AppraisalLifecycle.Diagram, SanctionLifecycle.Diagram }
            .OrderBy(d => d.FirstArticle)
            .ThenBy(d => d.Name, StringComparer.Ordinal),
    ];

    /// <summary>Gets a lifecycle's diagram by name (<c>stationing</c>, <c>transfer</c>, <c>leave</c>, <c>complaint</c>, <c>appraisal</c>, <c>recall</c>).</summary>
    /// <exception cref="KeyNotFoundException">No lifecycle has that name; the message lists them.</exception>
    public static LifecycleDiagram Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No lifecycle is named '{name}'. Lifecycles: {string.Join(", ", All.Select(d => d.Name))}.");
    }
}
