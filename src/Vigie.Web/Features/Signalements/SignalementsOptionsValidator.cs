using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Signalements;

/// <summary>Refuses to start with incomplete signalement settings, naming every setting at fault.</summary>
public sealed class SignalementsOptionsValidator : IValidateOptions<SignalementsOptions>
{
    public ValidateOptionsResult Validate(string? name, SignalementsOptions options)
    {
        var errors = options.Errors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
