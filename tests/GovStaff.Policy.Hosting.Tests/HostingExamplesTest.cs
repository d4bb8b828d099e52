using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using GovStaff.Policy.Hosting.Tests.Notifications;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GovStaff.Policy.Hosting.Tests;

/// <summary>
/// The examples of docs/hosting.md ("A notifier or a store of your own") run, not only compile: each block is compiled
/// as pasted and its class is used the way the section says, checking what the section claims. The mirroring store
/// used to log every audit entry of a batch, the ones the store refused as repeats included (2 written, 4 logged).
/// </summary>
public sealed partial class HostingExamplesTest
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 10, 18, 2, 0);

    // The block of docs/hosting.md that declares the class, compiled as pasted; its type.
    private static Type Example(string className)
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "hosting.md")).ReplaceLineEndings("\n");
        var code = Block().Matches(docs).Select(m => m.Groups[1].Value).Single(b => b.Contains($"public sealed class {className}", StringComparison.Ordinal));
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var usings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var compilation = CSharpCompilation.Create(
            $"HostingExample{className}",
            [CSharpSyntaxTree.ParseText(code, options), CSharpSyntaxTree.ParseText(usings, options)],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(className, isCollectible: true).LoadFromStream(image).GetType(className, throwOnError: true)!;
    }

    private static WriteBatch Audit(params string[] keys) => new()
    {
        Audit = [.. keys.Select(k => new AuditWrite("rating.recorded", $"rating:{k}", T0, "shapotou-2021-trial", "{}", k))],
    };

    [Fact]
    public async Task TheMirroringStore_LogsEachAuditEntryTheStoreAppends_Once_AndNotTheRepeatsItRefused()
    {
        var type = Example("MirroringStore");
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var inner = new InMemoryPolicyStore();
        await inner.CommitAsync(Audit("before")); // stored before the host started: not mirrored
        var store = (IPolicyStore)Activator.CreateInstance(type, inner, Activator.CreateInstance(typeof(Logger<>).MakeGenericType(type), factory))!;
        await store.InitializeAsync();

        Assert.Equal(2, (await store.CommitAsync(Audit("r1", "r2"))).AuditAppended);
        Assert.Equal(0, (await store.CommitAsync(Audit("r1", "r2"))).AuditAppended); // the same batch again: repeats
        Assert.Equal(1, (await store.CommitAsync(Audit("r2", "r3"))).AuditAppended);

        Assert.Equal(["audit 2 rating.recorded rating:r1", "audit 3 rating.recorded rating:r2", "audit 4 rating.recorded rating:r3"], logs.Lines);
        Assert.Equal(4, (await inner.ReadAuditAsync(0, 100)).Count);
    }

    [Fact]
    public async Task TheSmsNotifier_SendsTheTitleWithTheMessageId_AndThrowsWhenTheGatewayFails_SoTheOutboxRetries()
    {
        var type = Example("SmsNotifier");
        var gateway = new Gateway();
        using var http = new HttpClient(gateway);
        var sms = (INotifier)Activator.CreateInstance(type, http)!;
        Assert.Equal("sms", sms.Name);
        var id = Guid.NewGuid();
        var notification = new Notification("case.supervise", "case:C1", new LocalizedText("办件超期，请督办", "Overdue"), new LocalizedText("…", "…"), T0, []) { MessageId = id };

        await sms.DeliverAsync(notification);
        var (url, form) = Assert.Single(gateway.Requests);
        Assert.Equal("https://sms.example.gov.cn/send", url);
        Assert.Equal($"id={id}&text={Uri.EscapeDataString("办件超期，请督办")}", form, ignoreCase: true);

        gateway.Status = HttpStatusCode.BadGateway;
        await Assert.ThrowsAsync<HttpRequestException>(() => sms.DeliverAsync(notification));
    }

    private sealed class Gateway : HttpMessageHandler
    {
        public List<(string Url, string Form)> Requests { get; } = [];

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(Status);
        }
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
