using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovStaff.Policy.Hosting;

/// <summary>Validates <see cref="GovStaffPolicyOptions"/> by building everything it describes; each failure names its key.</summary>
internal sealed class GovStaffPolicyOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<GovStaffPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, GovStaffPolicyOptions options)
    {
        GovStaffPolicyComponents.TryBuild(options, ContentRoot(environment), out var errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static string ContentRoot(IHostEnvironment? environment) => environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
}
