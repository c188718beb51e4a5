using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Vigie.Tests.Infrastructure;

/// <summary>A host environment for unit tests of services that resolve paths against the content root.</summary>
public sealed class TestHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "Vigie";

    public string ContentRootPath { get; set; } = Path.GetTempPath();

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
