using System.Reflection;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Tests.Decisions;

/// <summary>
/// Every public constructor and method of the library, given null for an argument its signature says may not be
/// null, fails at once with an <see cref="ArgumentException"/> naming a parameter — never a NullReferenceException
/// from deep inside, and never a silent acceptance. Found by reflection, so a new public member is covered the day
/// it is added.
/// </summary>
public class NullArgumentTest
{
    private static readonly Assembly Library = typeof(Decision).Assembly;
    private static readonly NullabilityInfoContext Nullability = new();

    // Whatever a service's constructor needs, valid; everything nullable is left null.
    private static readonly Dictionary<Type, object> Valid = new()
    {
        [typeof(PolicyEngine)] = Support.TestDistrict.Engine(),
        [typeof(WorkCalendar)] = WorkCalendar.National,
        [typeof(ServiceSchedule)] = ServiceSchedule.Default,
        [typeof(OfficeHours)] = OfficeHours.Default,
    };

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (var member in Candidates())
        {
            data.Add(Describe(member));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void NullForARequiredArgument_IsAnArgumentExceptionNamingIt(string member)
    {
        var method = Candidates().Single(m => Describe(m) == member);
        var parameters = method.GetParameters();
        var required = parameters.Where(Required).Select(p => p.Name).ToHashSet();
        var target = method.IsStatic || method is ConstructorInfo ? null : Instance(method.DeclaringType!);
        var args = parameters.Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();

        var error = Invoke(method, target, args);

        Assert.True(error is ArgumentException, $"{member}: expected an ArgumentException naming one of {string.Join(", ", required)}; got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        // The name may be the property's (Name for name) or carry C#'s escape (@case for case).
        var named = ((ArgumentException)error!).ParamName?.TrimStart('@');
        Assert.True(parameters.Any(p => string.Equals(p.Name, named, StringComparison.OrdinalIgnoreCase)), $"{member}: the exception names '{named}', which is not a parameter: {error.Message}");
    }

    [Fact]
    public void TheScan_FindsTheServicesAndEntities()
    {
        var found = Candidates().Select(Describe).ToArray();
        Assert.Contains(found, m => m.StartsWith("LeaveLifecycle.Approve(", StringComparison.Ordinal));
        Assert.Contains(found, m => m.StartsWith("ServiceNetwork..ctor(", StringComparison.Ordinal));
        Assert.Contains(found, m => m.StartsWith("Citation.Parse(", StringComparison.Ordinal));
        Assert.True(found.Length > 100, $"only {found.Length} members scanned");
    }

    private static IEnumerable<MethodBase> Candidates()
    {
        // JSON converters are called by System.Text.Json only, which never passes null; an exception's constructor must
        // not throw while reporting another error.
        foreach (var type in Library.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t)
            && !typeof(System.Text.Json.Serialization.JsonConverter).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t)))
        {
            var members = type.GetConstructors().Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Concat(InstanceCanBeMade(type) ? type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) : []);
            foreach (var m in members)
            {
                if (m.IsSpecialName && m is not ConstructorInfo || m.IsGenericMethodDefinition || m.GetParameters().Any(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer || p.ParameterType.IsByRefLike))
                {
                    continue; // operators and property accessors, generic methods, out/ref and span parameters
                }

                // Compiler-made members of records (Equals, PrintMembers, the copy constructor) take null by design.
                if (m.Name is "Equals" or "PrintMembers" or "<Clone>$" or "Deconstruct" || m is ConstructorInfo c && c.GetParameters() is [var only] && only.ParameterType == type)
                {
                    continue;
                }

                if (m.GetParameters().Any(Required))
                {
                    yield return m;
                }
            }
        }
    }

    private static bool Required(ParameterInfo p) =>
        !p.ParameterType.IsValueType && Nullability.Create(p).WriteState == NullabilityState.NotNull && !p.HasDefaultValue;

    private static bool InstanceCanBeMade(Type type) =>
        !type.IsAbstract && type.GetConstructors().Any(c => c.GetParameters().All(p => !Required(p) || Valid.ContainsKey(p.ParameterType)));

    private static object Instance(Type type)
    {
        var ctor = type.GetConstructors().First(c => c.GetParameters().All(p => !Required(p) || Valid.ContainsKey(p.ParameterType)));
        return ctor.Invoke(ctor.GetParameters().Select(p => Valid.TryGetValue(p.ParameterType, out var v) ? v : p.HasDefaultValue ? p.DefaultValue : null).ToArray());
    }

    private static Exception? Invoke(MethodBase method, object? target, object?[] args)
    {
        try
        {
            var result = method is ConstructorInfo c ? c.Invoke(args) : method.Invoke(target, args);
            if (result is Task task)
            {
                // An async method reports its argument errors through the task.
                return task.Exception?.InnerException ?? (task.IsCompleted ? null : new TimeoutException("the task did not fail at once"));
            }

            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }

    private static string Describe(MethodBase m) =>
        $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.ToString()))})";
}
