/// A failure that stops reading a whole file (not a single row: row problems are reported by the
/// stages above, which know what the columns mean).
public enum CSVError: Error, Equatable, Sendable {
    /// The file could not be opened or read.
    case io(path: String, reason: String)
    /// The file is UTF-16 (by its byte-order mark) but its bytes are not valid UTF-16.
    case undecodable(path: String, reason: String)
    /// The file is not text at all (spec 8.8): `what` says what it is.
    case notText(path: String, what: String)
    /// One record is beyond what any real input holds (spec 8.8): more than `CSVReader.maxFields`
    /// fields or `CSVReader.maxRecordBytes` bytes. Reading stops, so memory stays bounded.
    case recordTooLarge(path: String, line: Int, reason: String)

    public var message: String {
        switch self {
        case let .io(path, reason): return "\(path): cannot read the file: \(reason)"
        case let .undecodable(path, reason): return "\(path): cannot decode the file: \(reason)"
        case let .notText(path, what):
            return "\(path): this file is \(what), not CSV text; open it in Excel or LibreOffice and save it as "
                + "CSV UTF-8 (in Excel: Save As › CSV UTF-8 (Comma delimited); in LibreOffice: Save As › Text CSV, character set UTF-8)"
        case let .recordTooLarge(path, line, reason):
            return "\(path):\(line): the record starting here \(reason); this is not a table of data (check the file's quotes and delimiters)"
        }
    }
}
