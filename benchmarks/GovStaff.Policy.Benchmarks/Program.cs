using BenchmarkDotNet.Running;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/GovStaff.Policy.Benchmarks -- --filter '*'</c>;
/// add <c>--job short</c> for a quick check, <c>--job dry</c> for a smoke run.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
