#!/usr/bin/env bash
# Consumes the packed packages as a vendor would: a fresh console project outside the repository references them from
# a local folder, its Program.cs is the README's quick start verbatim, and it must build and print the refusal the
# README promises. Usage: scripts/consume-packages.sh PACKAGES_FOLDER
set -euo pipefail
packages=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(ls "$packages"/GovStaff.Policy.[0-9]*.nupkg | sed -E 's/.*GovStaff\.Policy\.([0-9][^/]*)\.nupkg/\1/')

for id in GovStaff.Policy GovStaff.Policy.Hosting.Abstractions GovStaff.Policy.Hosting GovStaff.Policy.Storage.Sqlite GovStaff.Policy.Storage.PostgreSql \
          GovStaff.Policy.Notifications.Webhook GovStaff.Policy.Notifications.Email; do
    nupkg="$packages/$id.$version.nupkg"
    [ -f "$nupkg" ] || { echo "missing package $nupkg" >&2; exit 1; }
    [ -f "$packages/$id.$version.snupkg" ] || { echo "missing symbols $id.$version.snupkg" >&2; exit 1; }
    contents=$(unzip -Z1 "$nupkg")
    for part in LICENSE README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
        grep -qx "$part" <<<"$contents" || { echo "$id: $part is not in the package" >&2; exit 1; }
    done
    # The package's README is its own, not the repository's development README.
    unzip -p "$nupkg" README.md | head -1 | grep -qx "# $id" || { echo "$id: README.md is not the package's own" >&2; exit 1; }
    # Deterministic source paths: the DLL names /_/…, never the folder it was built in.
    unzip -p "$nupkg" "lib/net10.0/$id.dll" > "$work/check.dll"
    if grep -aq "$repo" "$work/check.dll"; then echo "$id: the DLL names the build folder $repo" >&2; exit 1; fi
done

cd "$work"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
# A console project referencing the given packages (name=version), as `dotnet new console` makes it.
project() {
    local file=$1; shift
    {
        echo '<Project Sdk="Microsoft.NET.Sdk">'
        echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>'
        echo '  <ItemGroup>'
        for reference in "$@"; do echo "    <PackageReference Include=\"${reference%%=*}\" Version=\"${reference#*=}\" />"; done
        echo '  </ItemGroup>'
        echo '</Project>'
    } > "$file"
}

# The first C# block of README.md after the line matching $1, as a user would paste it.
readme_block() {
    awk -v start="$1" '$0 ~ start {q=1} q&&/^```csharp/{f=1;next} f&&/^```/{exit} f' "$repo/README.md"
}

project Consumer.csproj "GovStaff.Policy=$version"
readme_block '^## Quick start' > Program.cs
[ -s Program.cs ] || { echo "no quick start found in README.md" >&2; exit 1; }
# A cache of its own: a package of the same version restored earlier must not stand in for the one just packed.
export NUGET_PACKAGES="$work/nuget-cache"
dotnet run -c Release -nologo > output.txt
grep -q "^Refused" output.txt || { echo "the quick start did not print the refusal the README promises:" >&2; cat output.txt >&2; exit 1; }
grep -q "第四条" output.txt || { echo "the quick start's refusal does not cite 第四条:" >&2; cat output.txt >&2; exit 1; }

# The README's host snippet (registered in code), as a vendor's host would build it with the packages it names.
mkdir host && cd host
cp ../nuget.config .
project Host.csproj "GovStaff.Policy.Hosting=$version" "GovStaff.Policy.Storage.Sqlite=$version" \
    "GovStaff.Policy.Notifications.Webhook=$version" "GovStaff.Policy.Notifications.Email=$version" "Microsoft.Extensions.Hosting=10.0.*"
readme_block '^[*][*]Referenced as packages' > Program.cs
[ -s Program.cs ] || { echo "no host snippet found in README.md" >&2; exit 1; }
dotnet build -c Release -nologo -v q > build.txt 2>&1 || { echo "the README's host snippet does not build against the packages:" >&2; cat build.txt >&2; exit 1; }
cd ..

# The plugins as docs/hosting.md tells a vendor to publish them from the packages, loaded by a host that references only
# GovStaff.Policy.Hosting (no SQLite of its own, so the plugin's native library must come from its folder): once
# published with -r linux-x64, once (SQLite) without a runtime identifier.
for id in GovStaff.Policy.Storage.Sqlite GovStaff.Policy.Storage.PostgreSql GovStaff.Policy.Notifications.Webhook GovStaff.Policy.Notifications.Email; do
    mkdir "publish-$id" && cp nuget.config "publish-$id/"
    ( cd "publish-$id" && echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include=\"$id\" Version=\"$version\" /></ItemGroup></Project>" > Plugin.csproj \
      && dotnet publish -c Release -r linux-x64 --self-contained false -o "../plugins/$id" -nologo -v q > publish.txt 2>&1 ) \
      || { echo "publishing the plugin $id as docs/hosting.md says failed:" >&2; cat "publish-$id/publish.txt" >&2; exit 1; }
done
( cd publish-GovStaff.Policy.Storage.Sqlite && dotnet publish -c Release -o ../plugins-without-rid/GovStaff.Policy.Storage.Sqlite -nologo -v q > publish.txt 2>&1 ) \
    || { echo "publishing the SQLite plugin without a runtime identifier failed" >&2; exit 1; }
mkdir plugin-host && cd plugin-host
cp ../nuget.config .
project PluginHost.csproj "GovStaff.Policy.Hosting=$version" "Microsoft.Extensions.Hosting=10.0.*"
cat > Program.cs <<'CS'
using GovStaff.Policy.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// args: the plugins folder, the plugins to load (name,key=value,…|name,…), "store" to use the store or "-" to only load.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
var settings = new Dictionary<string, string?> { ["GovStaffPolicy:Plugins:Folder"] = args[0] };
var plugins = args[1].Split('|', StringSplitOptions.RemoveEmptyEntries);
for (var i = 0; i < plugins.Length; i++)
{
    var parts = plugins[i].Split(',');
    settings[$"GovStaffPolicy:Plugins:Load:{i}:Name"] = parts[0];
    foreach (var pair in parts.Skip(1))
    {
        settings[$"GovStaffPolicy:Plugins:Load:{i}:Settings:{pair.Split('=', 2)[0]}"] = pair.Split('=', 2)[1];
    }
}

builder.Configuration.AddInMemoryCollection(settings);
builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(NodaTime.SystemClock.Instance);
using var host = builder.Build();
var store = host.Services.GetRequiredService<IPolicyStore>();
if (args[2] != "-")
{
    await store.InitializeAsync();
    await store.CommitAsync(new WriteBatch { Documents = [new DocumentWrite("probe", "p1", "{\"ok\":true}", 0)] });
    if ((await store.LoadAsync("probe", "p1"))?.Json != "{\"ok\":true}") throw new InvalidOperationException("the store did not keep the document");
}

Console.WriteLine($"{store.GetType().Name} from {Path.GetFileName(Path.GetDirectoryName(store.GetType().Assembly.Location))}; notifiers: "
    + string.Join(", ", host.Services.GetServices<INotifier>().Select(n => n.Name).Order(StringComparer.Ordinal)));
CS
dotnet build -c Release -nologo -v q > build.txt 2>&1 || { echo "the plugin host does not build:" >&2; cat build.txt >&2; exit 1; }
run_host() { dotnet bin/Release/net10.0/PluginHost.dll "$@" 2>&1 || { echo "the plugin host failed on: $*" >&2; exit 1; }; }
run_host "$work/plugins" "GovStaff.Policy.Storage.Sqlite,ConnectionString=Data Source=$work/with-rid.db|GovStaff.Policy.Notifications.Webhook,Url=https://example.invalid/hook|GovStaff.Policy.Notifications.Email,Host=127.0.0.1,From=noreply@example.invalid,To:0=office@example.invalid" store \
    | tee plugins.txt | grep -q "^SqlitePolicyStore from GovStaff.Policy.Storage.Sqlite; notifiers: email, log, webhook:generic$" \
    || { echo "the published plugins did not load as documented:" >&2; cat plugins.txt >&2; exit 1; }
run_host "$work/plugins" "GovStaff.Policy.Storage.PostgreSql,ConnectionString=Host=127.0.0.1;Database=none" - | grep -q "^PostgreSqlPolicyStore from GovStaff.Policy.Storage.PostgreSql" \
    || { echo "the PostgreSQL plugin did not load as documented" >&2; exit 1; }
run_host "$work/plugins-without-rid" "GovStaff.Policy.Storage.Sqlite,ConnectionString=Data Source=$work/without-rid.db" store | grep -q "^SqlitePolicyStore from GovStaff.Policy.Storage.Sqlite" \
    || { echo "the SQLite plugin published without a runtime identifier did not load" >&2; exit 1; }
cd ..

echo "packages consumed: $version, seven packages with licence, README, symbols and /_/ paths; the README's host snippet builds; the four plugins published from their packages load into a host without them; its quick start prints:"
cat output.txt
