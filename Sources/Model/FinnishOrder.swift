/// Finnish alphabetical order (spec 4, 7): whitespace, punctuation and symbols (by code point) <
/// ASCII digits < a–z < å < ä < ö < everything else by code point, on lowercased text; a prefix sorts
/// first; ties by code point of the original.
public enum FinnishOrder {
    static func rank(_ s: Unicode.Scalar) -> UInt32 {
        switch s.value {
        case 0x30...0x39: return 0x11_0000 + s.value - 0x30
        case 0x61...0x7A: return 0x11_0010 + s.value - 0x61
        case 0xE5: return 0x11_0030
        case 0xE4: return 0x11_0031
        case 0xF6: return 0x11_0032
        default:
            switch s.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation,
                 .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                return s.value
            default:
                return 0x12_0000 + s.value
            }
        }
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased().unicodeScalars.map(rank), y = b.lowercased().unicodeScalars.map(rank)
        if x != y { return x.lexicographicallyPrecedes(y) }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
