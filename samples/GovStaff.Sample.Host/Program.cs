using System.Runtime.InteropServices;
using System.Text;
using GovStaff.Sample.Host;

// A process: the console's writers, the executable's folder, the current directory, SIGTERM and Ctrl+C. The first
// signal asks the command to stop (it keeps what it committed and exits 130, or 143 for SIGTERM); a second one ends the
// process at once, as a signal does by default.
Console.OutputEncoding = Encoding.UTF8;
using var stop = new CancellationTokenSource();
var terminated = false;
void Stop(PosixSignalContext signal)
{
    if (!stop.IsCancellationRequested)
    {
        signal.Cancel = true;
        terminated = signal.Signal == PosixSignal.SIGTERM;
        stop.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var code = await SampleHostApp.RunAsync(args, new SampleHostRun { Out = Console.Out, Error = Console.Error, Stopping = stop.Token });
return code == ExitCodes.Stopped && terminated ? ExitCodes.Terminated : code;
