using GovStaff.Policy.Decisions;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// The outcome of one trigger: the decision, the entity afterwards (unchanged when refused) and the event raised
/// (null when refused or when the decision only needs approval).
/// </summary>
/// <typeparam name="T">The lifecycle entity.</typeparam>
/// <param name="Decision">The decision, with its citations.</param>
/// <param name="Entity">The entity after the action; the same instance when nothing changed.</param>
/// <param name="Event">The domain event, when the action took effect.</param>
public sealed record LifecycleResult<T>(Decision Decision, T Entity, DomainEvent? Event)
    where T : class
{
    /// <summary>True when the action took effect.</summary>
    public bool Applied => Event is not null;
}
