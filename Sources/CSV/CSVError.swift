/// A failure that stops reading a whole file (not a single row: row problems are reported by the
/// stages above, which know what the columns mean).
public enum CSVError: Error, Equatable, Sendable {
    /// The file could not be opened or read.
    case io(path: String, reason: String)
    /// The file is UTF-16 (by its byte-order mark) but its bytes are not valid UTF-16.
    case undecodable(path: String, reason: String)

    public var message: String {
        switch self {
        case let .io(path, reason): return "\(path): cannot read the file: \(reason)"
        case let .undecodable(path, reason): return "\(path): cannot decode the file: \(reason)"
        }
    }
}
