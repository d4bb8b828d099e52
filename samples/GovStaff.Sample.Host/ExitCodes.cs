namespace GovStaff.Sample.Host;

/// <summary>The console's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done; refusals by the rules are output, not errors.</summary>
    public const int Ok = 0;

    /// <summary><c>replay --check</c>: at least one expectation does not hold.</summary>
    public const int ExpectationsFailed = 1;

    /// <summary>Bad input: a malformed date or file, a date outside the calendar's data, a bad setting.</summary>
    public const int BadInput = 2;

    /// <summary>Nothing stored to report on: run the main job first, or ask for the quarter it simulates.</summary>
    public const int NoData = 3;

    /// <summary>The store cannot be opened: an unusable database path, an unreachable or refusing server, a newer schema.</summary>
    public const int StoreUnavailable = 4;

    /// <summary>A background service (outbox dispatcher, monitors) failed while the command ran.</summary>
    public const int BackgroundServiceFailed = 5;

    /// <summary>The main job: notifications it queued were not delivered (failed, or waiting for a retry after a failure); they stay in the outbox.</summary>
    public const int DeliveryFailed = 6;

    /// <summary>Stopped by Ctrl+C (SIGINT) before the work was done; what was committed is kept (128 + 2, the shell's convention).</summary>
    public const int Stopped = 130;

    /// <summary>As <see cref="Stopped"/>, by SIGTERM (128 + 15); set by the process (Program.cs), which knows the signal.</summary>
    public const int Terminated = 143;
}
