// coordkit: the command line of CoordinationKit for finance and quality teams.
//
// Hand-written argument parsing (Foundation only): every command answers --help, and a usage
// error prints one clear line on standard error and exits with status 2.

#if canImport(Glibc)
import Glibc
#endif

let commands: [Command] = [IFAQCommand.command, TariffCommand.command, QualityCommand.command, ACICommand.command, CostModelCommand.command]

let arguments = Array(CommandLine.arguments.dropFirst())
exit(CommandRunner(commands: commands).run(arguments))
