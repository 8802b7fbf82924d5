import Foundation
import Pipeline

// The executable: arguments in, exit code out. Everything else lives in Pipeline.

let help = """
grantstats \(Version.current) — funding and participation statistics of child-protection development projects

Usage:
  grantstats [run] [options]        read Inputs, write every output (the default command)
  grantstats validate [options]     read and check only; writes nothing
  grantstats template [--lang fi|sv|en] [--outputs DIR] [--force]
                                    empty input files with headers (default DIR: \(Template.defaultDirectory));
                                    never overwrites a file unless --force is given
  grantstats --help | --version

Options:
  --inputs DIR             input directory (default: Inputs)
  --outputs DIR            output directory (default: Outputs)
  --config FILE            key = value lines with these long option names (# comments, booleans
                           true/false/yes/no/on/off); the command line wins
  --lang fi|sv|en          language of summary.txt, report.html and row messages (default: from LANG, else en)
  --dialect csv|excel-fi   output CSV dialect (default: csv; excel-fi = BOM, ';', CRLF, decimal comma)
  --population-year YYYY   population year for keys and coverage (default: the latest in the population)
  --grant-rate-max RATE    maximum grant rate when a project gives none (default: 75 %)
  --strict, --no-strict    any rejected row: replace no output, exit 65 (default: off)
  --suppress-below N       hide counts of people 1…N−1, and counts that would reveal them, as <N (default: off)
  --quiet                  no progress on stderr (default: off)

Exit codes: 0 ok · 64 usage · 65 rows rejected or a fatal data error · 66 input missing ·
            73 outputs cannot be written · 75 another run holds the lock · 78 bad config file
Inputs and outputs are described in README.md.
"""

func log(_ line: String) { Console.log(line) }

let parsed: Arguments.Parsed
do {
    parsed = try Arguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    log("grantstats: \(error.message)")
    exit(error.exitCode)
}

switch parsed {
case .help:
    print(help)
case .version:
    print("grantstats \(Version.current)")
case let .settings(settings) where settings.command == .template:
    do {
        let directory = settings.outputsGiven ? settings.outputs : Template.defaultDirectory
        for path in try Template.write(to: directory, language: settings.lang, force: settings.force) { log("grantstats: wrote \(path)") }
    } catch {
        log("grantstats: error: \(error.message)")
        exit(error.exitCode)
    }
case let .settings(settings):
    var run = Run(settings: settings, log: log, showProgress: !settings.quiet && isatty(2) == 1)
    // For tests and benchmarks: changes memory and speed, never a figure (spec 8.9).
    if let text = ProcessInfo.processInfo.environment["GRANTSTATS_MEMORY_BUDGET"], let bytes = Int(text), bytes >= 0 {
        run.memoryBudget = bytes
    }
    exit(run.execute())
}
