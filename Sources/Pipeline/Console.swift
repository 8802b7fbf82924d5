import Foundation
import Model

/// The one writer of the run log (stderr): every line passes `EchoText.escaped` here, so no byte
/// from the inputs — an escape sequence, a BEL, a NUL — reaches a terminal raw (spec 8.8).
public enum Console {
    public static func log(_ line: String) {
        FileHandle.standardError.write(Data((EchoText.escaped(line) + "\n").utf8))
    }
}
