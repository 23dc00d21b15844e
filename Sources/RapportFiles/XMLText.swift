/// XML text helpers for SpreadsheetML parts.
struct XMLText {
    /// Whether `scalar` may appear in an XML 1.0 document.
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Removes characters that XML 1.0 cannot represent.
    static func legalCharacters(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isLegal) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isLegal)))
    }

    /// Escapes text for element content or attribute values. CR, LF and TAB become
    /// character references so XML parsers do not normalize them away.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append("&amp;")
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "\"": result.append("&quot;")
            case "\r": result.append("&#13;")
            case "\n": result.append("&#10;")
            case "\t": result.append("&#9;")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Protects literal "_xHHHH_" sequences, which Excel would read as escaped
    /// characters, by escaping their underscore as "_x005F_".
    static func excelEscaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", escapeCode(in: scalars, at: index) != nil {
                result.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Decodes Excel's "_xHHHH_" escapes (for example "_x000D_" for CR).
    static func excelUnescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let code = escapeCode(in: scalars, at: index), let decoded = Unicode.Scalar(code) {
                result.append(decoded)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The code in an "_xHHHH_" sequence starting at `index`, if there is one.
    private static func escapeCode(in scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
              scalars[index + 6] == "_" else { return nil }
        var code: UInt32 = 0
        for scalar in scalars[(index + 2)...(index + 5)] {
            guard let digit = hexValue(scalar) else { return nil }
            code = code * 16 + digit
        }
        return code
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }
}
