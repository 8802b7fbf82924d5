import CSV
import Model

/// A problem that stops the whole run before any row is used (spec 2.3, 5, 7).
public enum InputError: Error, Equatable, Sendable {
    case missingDirectory(String)
    /// The input directory exists but cannot be used: not a directory, or not readable.
    case unusableInputDirectory(String, reason: String)
    /// An entry of the inputs that should be read but cannot: a FIFO, a dangling link, a name
    /// that is not UTF-8 (spec 8.8).
    case unusableEntry(String, reason: String)
    case missingRequired(kind: String, directory: String)
    case unreadable(CSVError)
    case noHeader(file: String)
    case missingColumn(file: String, column: String, found: [String], closest: String?)
    case duplicateColumn(file: String, column: String)
    case needsMunicipalityOrRegion(file: String, found: [String])
    case sumOverflow(file: String, line: Int)
    /// A sum of counts (a population file's children or population) beyond 64 bits.
    case countOverflow(file: String, line: Int, figure: String)
    /// A Statistics Finland export that is incomplete or cut short (spec 8.8).
    case invalidPxWeb(file: String, problem: String)
    /// The consumer of the rows stopped reading (it failed itself); not shown to anyone.
    case stopped

    /// 66 for a missing input, 65 for everything about the data.
    public var exitCode: Int32 {
        switch self {
        case .missingDirectory, .missingRequired, .unusableInputDirectory, .unusableEntry: return 66
        default: return 65
        }
    }

    public var message: String {
        switch self {
        case let .missingDirectory(dir):
            return "input directory \(dir) does not exist"
        case let .unusableInputDirectory(dir, reason):
            return "input directory \(dir) \(reason)"
        case let .unusableEntry(path, reason):
            return "\(path) cannot be read as input: \(reason)"
        case let .missingRequired(kind, dir):
            return "\(dir)/\(kind).csv (or a folder \(dir)/\(kind)/ of .csv files) is required but missing"
        case let .unreadable(error):
            return error.message
        case let .noHeader(file):
            return "\(file): the file has no header line (it is empty, or only blank and comment lines)"
        case let .missingColumn(file, column, found, closest):
            let hint = closest.map { "; did you mean \"\($0)\"?" } ?? ""
            return "\(file): required column \"\(column)\" is missing; \(Self.foundColumns(found))\(hint)"
        case let .duplicateColumn(file, column):
            return "\(file): column \"\(column)\" appears more than once; keep one of them"
        case let .needsMunicipalityOrRegion(file, found):
            return "\(file): attendance needs a \"municipality\" or a \"region\" column; \(Self.foundColumns(found))"
        case .stopped:
            return "reading was stopped"
        case let .countOverflow(file, line, figure):
            return "\(file):\(line): \(figure) exceeds what can be counted exactly (more than 9 223 372 036 854 775 807)"
        case let .invalidPxWeb(file, problem):
            return "\(file): the Statistics Finland export is incomplete: \(problem)"
        case let .sumOverflow(file, line):
            return "\(file):\(line): the sum of amounts exceeds what can be counted exactly (more than 92 233 720 368 547 758,07 €)"
        }
    }
}

extension InputError {
    /// The header cells, when at least one is a known column; else the first line is not shown.
    static func foundColumns(_ found: [String]) -> String {
        found.isEmpty
            ? "the first line has no known column name, so it is probably a row of data and the header line is missing (its cells are not shown: they may be personal data)"
            : "found columns: " + list(found)
    }

    /// Found header cells as a person can read them: each cut and escaped, at most 30 of them.
    static func list(_ cells: [String]) -> String {
        let shown = cells.prefix(30).map(EchoText.shown).joined(separator: ", ")
        return cells.count > 30 ? shown + " … and \(cells.count - 30) more" : shown
    }
}

/// Runs `body`, reporting a CSV failure as an input error: the two errors reading can end in.
func readingCSV<T>(_ body: () throws -> T) throws(InputError) -> T {
    do { return try body() }
    catch let error as CSVError { throw .unreadable(error) }
    catch let error as InputError { throw error }
    catch { preconditionFailure("reading throws only CSV and input errors, not \(error)") }
}
