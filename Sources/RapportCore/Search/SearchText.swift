import Foundation

/// Substring search that works for Chinese as well as Latin text.
///
/// Every searchable value is normalised (NFKC, lower case, only letters and digits kept) and
/// cut into overlapping two-character grams plus its final character: "阿里巴巴" becomes
/// "阿里 里巴 巴巴 巴". A query needs all of its grams ("阿里巴" → "阿里" AND "里巴"), which an
/// index answers without positions; the few candidates are then checked against the plain
/// normalised text, so the result is exactly the records that contain the query. A
/// one-character query is a prefix match on the grams. There is no minimum query length
/// (trigram indexes need three characters; Chinese names are often searched by two).
public enum SearchText {
    /// NFKC, lower case, letters and digits only: "ＡＢＣ 有限（公司）" → "abc有限公司".
    public static func normalize(_ text: String) -> String {
        // NFKC only changes text that holds compatibility characters (full-width forms, circled
        // digits, ligatures…); most names hold none, and the fold is the slow part of an import.
        let folded = (text.unicodeScalars.contains(where: needsCompatibilityFold)
            ? text.precomposedStringWithCompatibilityMapping : text).lowercased()
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where isSearchable(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// Ranges where NFKC may change a character.
    @inline(__always)
    static func needsCompatibilityFold(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0xA0...0x2FF).contains(v) || (0x1D00...0x1DBF).contains(v) || (0x2000...0x33FF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFB00...0xFFEF).contains(v) || v >= 0x1D400
    }

    /// Letters and digits are searchable; ASCII and the common CJK block are decided without a table lookup.
    @inline(__always)
    static func isSearchable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Both documents at once, normalising each value only once. A value with Chinese characters
    /// also brings its full pinyin and initials (`Pinyin.searchForms`), so "alibaba" and "albb" find
    /// 阿里巴巴.
    public static func documents(for values: [String]) -> (plain: String, grams: String) {
        let pinyin = values.flatMap(Pinyin.searchForms)
        let normalized = (values + pinyin).map(normalize).filter { !$0.isEmpty }
        return (normalized.joined(separator: " "), grams(normalized: normalized))
    }

    /// The gram document for a set of values (name, phones, emails...), space separated.
    public static func grams(for values: [String]) -> String {
        grams(normalized: values.map(normalize))
    }

    private static func grams(normalized values: [String]) -> String {
        var tokens: [String] = []
        for value in values {
            let chars = Array(value)
            guard !chars.isEmpty else { continue }
            if chars.count >= 2 {
                for i in 0..<(chars.count - 1) { tokens.append(String(chars[i...i + 1])) }
            }
            if let last = chars.last { tokens.append(String(last)) }
        }
        return tokens.joined(separator: " ")
    }

    /// The full-text query for a user's search text, or `nil` when nothing searchable is left:
    /// every distinct gram of the query, in order.
    public static func gramQuery(for query: String) -> String? {
        let chars = Array(normalize(query))
        switch chars.count {
        case 0: return nil
        case 1: return "\"\(chars[0])\"*"
        default:
            var seen = Set<String>()
            let grams = (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }.filter { seen.insert($0).inserted }
            return grams.map { "\"\($0)\"" }.joined(separator: " AND ")
        }
    }
}
