/// Converts between zero-based column indexes and A1-style cell references.
struct CellReference {
    /// The column letters for a zero-based index: 0 → "A", 25 → "Z", 26 → "AA".
    static func columnName(_ index: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var remaining = index + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// Parses a reference such as "B3" (or "$B$3") into a 1-based row and a zero-based column.
    static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letterCount = 0
        var digitCount = 0
        for byte in reference.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digitCount == 0, letterCount < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letterCount += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letterCount > 0, digitCount < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digitCount += 1
            default:
                return nil
            }
        }
        guard letterCount > 0, row > 0 else { return nil }
        return (row, column - 1)
    }
}
