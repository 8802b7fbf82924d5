import Foundation
import TestSupport
@testable import CSV

/// A record as the tests compare it: its line and its fields.
struct Record: Equatable, CustomStringConvertible {
    let line: Int
    let fields: [String]
    var description: String { "\(line):\(fields)" }
}

/// Reads every record of `bytes` (header included, as the first record) with the given chunk size.
func readAll(_ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) throws -> (records: [Record], delimiter: UInt8, encoding: TextEncoding, unterminated: Int?) {
    let dir = TemporaryDirectory("csv")
    defer { dir.remove() }
    dir.write("t.csv", bytes)
    let reader = try CSVReader(path: dir.file("t.csv"), chunkSize: chunkSize)
    guard let header = try reader.readHeader() else { return ([], reader.delimiter, reader.encoding, nil) }
    var records = [Record(line: reader.line, fields: header)]
    var unterminated: Int?
    while try reader.nextRecord() {
        records.append(Record(line: reader.line, fields: (0..<reader.fieldCount).map { reader.field($0) }))
        unterminated = reader.unterminatedField ?? unterminated
    }
    return (records, reader.delimiter, reader.encoding, unterminated)
}

func readAll(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) throws -> [Record] {
    try readAll(Array(text.utf8), chunkSize: chunkSize).records
}
