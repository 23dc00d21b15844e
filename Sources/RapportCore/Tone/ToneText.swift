/// The text form that tone rules are matched on: one `UInt32` per Unicode scalar, folded so
/// that width, case and spacing do not matter.
///
/// - Full-width ASCII (`ＡＢＣ，！`) becomes ASCII; letters become lower case; curly quotes
///   become straight ones; zero-width characters are dropped.
/// - Line breaks become one `\n`; other runs of white space become one space when they sit
///   between two non-CJK characters ("pay  now" → "pay now") and disappear next to CJK text
///   ("应该 没问题" → "应该没问题").
///
/// Each kept scalar remembers where it came from, so a match maps back to the original text.
struct ToneText {
    /// The folded scalars.
    private(set) var scalars: [UInt32] = []
    /// For each folded scalar, the index of the source scalar it came from.
    private(set) var origins: [String.Index] = []

    private static let dropped: UInt32 = .max
    static let space: UInt32 = 0x20
    static let lineBreak: UInt32 = 0x0A

    /// Folds `text`; origins are recorded only when `keepOrigins` is set (patterns need none).
    init(_ text: String, keepOrigins: Bool) {
        let view = text.unicodeScalars
        scalars.reserveCapacity(text.utf8.count)
        if keepOrigins { origins.reserveCapacity(text.utf8.count) }
        var pendingSpace = false
        var pendingBreak = false
        var gapOrigin = view.startIndex
        var index = view.startIndex
        while index < view.endIndex {
            let folded = Self.fold(view[index])
            if folded == Self.lineBreak {
                if !pendingBreak { gapOrigin = index }
                pendingBreak = true
            } else if folded == Self.space {
                if !pendingSpace && !pendingBreak { gapOrigin = index }
                pendingSpace = true
            } else if folded != Self.dropped {
                if let last = scalars.last {
                    if pendingBreak {
                        append(Self.lineBreak, gapOrigin, keepOrigins)
                    } else if pendingSpace && Self.isSpaced(last) && Self.isSpaced(folded) {
                        append(Self.space, gapOrigin, keepOrigins)
                    }
                }
                pendingSpace = false
                pendingBreak = false
                append(folded, index, keepOrigins)
            }
            index = view.index(after: index)
        }
    }

    @inline(__always)
    private mutating func append(_ scalar: UInt32, _ origin: String.Index, _ keepOrigins: Bool) {
        scalars.append(scalar)
        if keepOrigins { origins.append(origin) }
    }

    /// Folds one scalar; returns `space`, `lineBreak`, `dropped` or the folded value.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        var v = scalar.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return v + 0x20
            case 0x09, 0x20: return space
            case 0x0A, 0x0B, 0x0C, 0x0D: return lineBreak
            case 0x00..<0x20, 0x7F: return dropped
            default: return v
            }
        }
        if v > 0x3000 && v <= 0x9FFF { return v }
        switch v {
        case 0x85, 0x2028, 0x2029: return lineBreak
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return space
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return dropped
        case 0x2018, 0x2019, 0x201B, 0x2032: return 0x27
        case 0x201C, 0x201D, 0x201F, 0x2033: return 0x22
        default: break
        }
        if scalar.properties.changesWhenLowercased {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let first = lower.first { return first.value }
        }
        return v
    }

    /// Whether a space between two such scalars is kept (scripts that separate words by spaces).
    @inline(__always)
    static func isSpaced(_ v: UInt32) -> Bool { v < 0x2E80 && v != lineBreak }

    /// Latin letters and digits: a Latin pattern must not start or end inside such a run.
    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
            || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
    }

    /// Ends a sentence: a wildcard gap never crosses one.
    @inline(__always)
    static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v {
        case lineBreak, 0x21, 0x2E, 0x3F, 0x3B, 0x3002: true
        default: false
        }
    }
}
