using System.Text;
using GovStaff.Sample.Host;

// A process: the console's writers, the executable's folder, the current directory, SIGTERM and Ctrl+C.
Console.OutputEncoding = Encoding.UTF8;
return await SampleHostApp.RunAsync(args, new SampleHostRun { Out = Console.Out, Error = Console.Error });
