namespace GovStaff.Policy.Appraisal;

/// <summary>One scored indicator of an appraisal: a code, a name, the dimension it belongs to and its weight.</summary>
public sealed record Indicator
{
    /// <summary>Creates an indicator.</summary>
    /// <param name="code">A stable code, e.g. <c>attendance</c>.</param>
    /// <param name="name">The name in both languages.</param>
    /// <param name="dimension">The dimension (德能勤绩廉) it scores.</param>
    /// <param name="weight">Its weight (positive).</param>
    /// <exception cref="ArgumentException">An empty code or a weight that is not positive.</exception>
    public Indicator(string code, LocalizedText name, Dimension dimension, decimal weight)
    {
        Code = IdValidation.Check(code, "Indicator code");
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Dimension = Guard.Defined(dimension, nameof(Dimension));
        Weight = weight > 0 ? weight : throw new ArgumentOutOfRangeException(nameof(weight), weight, "An indicator's weight must be positive.");
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The dimension.</summary>
    public Dimension Dimension { get; }

    /// <summary>The weight.</summary>
    public decimal Weight { get; }
}
