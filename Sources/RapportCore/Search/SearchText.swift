import Foundation

/// Substring search that works for Chinese as well as Latin text.
///
/// Every searchable value is normalised (NFKC, lower case, only letters and digits kept) and
/// cut into overlapping two-character grams plus its final character: "阿里巴巴" becomes
/// "阿里 里巴 巴巴 巴". A query becomes a phrase of its grams ("阿里巴" → "阿里 里巴"), which matches
/// exactly the documents that contain the normalised query as a substring; a one-character
/// query is a prefix match on the grams. Full-text engines then answer it from an index,
/// with no minimum query length (trigram indexes need three characters; Chinese names are
/// often searched by two).
public enum SearchText {
    /// NFKC, lower case, letters and digits only: "ＡＢＣ 有限（公司）" → "abc有限公司".
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }

    /// The gram document for a set of values (name, phones, emails...), space separated.
    public static func grams(for values: [String]) -> String {
        var tokens: [String] = []
        for value in values {
            let chars = Array(normalize(value))
            guard !chars.isEmpty else { continue }
            if chars.count >= 2 {
                for i in 0..<(chars.count - 1) { tokens.append(String(chars[i...i + 1])) }
            }
            if let last = chars.last { tokens.append(String(last)) }
        }
        return tokens.joined(separator: " ")
    }

    /// The plain normalised document (values joined by a space), for engines that search by substring.
    public static func plain(for values: [String]) -> String {
        values.map(normalize).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The full-text query for a user's search text, or `nil` when nothing searchable is left.
    public static func gramQuery(for query: String) -> String? {
        let chars = Array(normalize(query))
        switch chars.count {
        case 0: return nil
        case 1: return "\"\(chars[0])\"*"
        default:
            let grams = (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }
            return "\"" + grams.joined(separator: " ") + "\""
        }
    }
}
