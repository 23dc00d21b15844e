/// One compiled pattern: literal segments joined by the wildcard `…` (U+2026), which stands
/// for up to ``maxGap`` folded characters within one sentence.
///
/// Where a segment starts or ends with a Latin letter or digit, the text there must not
/// continue with another one (English word boundaries): "no" does not match inside "know".
struct TonePattern: Sendable {
    /// The wildcard character in rule files.
    static let wildcard: Unicode.Scalar = "\u{2026}"
    /// How many folded characters a wildcard may stand for.
    static let maxGap = 10

    /// Folded literal segments; never empty, none of them empty.
    let segments: [[UInt32]]

    /// Compiles `text`, or says in words why it cannot be a pattern.
    static func compile(_ text: String) -> Result<TonePattern, TonePatternFlaw> {
        var segments: [[UInt32]] = []
        for piece in text.unicodeScalars.split(separator: wildcard, omittingEmptySubsequences: false) {
            let folded = ToneText(String(String.UnicodeScalarView(piece)), keepOrigins: false).scalars
            if folded.contains(ToneText.lineBreak) { return .failure(TonePatternFlaw(reason: "contains a line break")) }
            segments.append(folded)
        }
        if segments.allSatisfy(\.isEmpty) { return .failure(TonePatternFlaw(reason: "is blank")) }
        if segments.contains(where: \.isEmpty) {
            return .failure(TonePatternFlaw(reason: "starts or ends with \u{2026}, or holds two in a row"))
        }
        return .success(TonePattern(segments: segments))
    }

    /// Completes a match whose first segment ends (exclusive) at `firstEnd` in `text`.
    /// Returns the start and end (exclusive) of the whole match, or `nil`.
    func match(in text: [UInt32], firstEnd: Int) -> (start: Int, end: Int)? {
        let start = firstEnd - segments[0].count
        guard Self.isWhole(segments[0], in: text, start: start) else { return nil }
        var end = firstEnd
        for segment in segments.dropFirst() {
            guard let next = Self.find(segment, in: text, from: end) else { return nil }
            end = next
        }
        return (start, end)
    }

    /// Whether `segment`, found at `start`, respects word boundaries at its Latin edges.
    @inline(__always)
    private static func isWhole(_ segment: [UInt32], in text: [UInt32], start: Int) -> Bool {
        let end = start + segment.count
        if start > 0, ToneText.isWord(segment[0]), ToneText.isWord(text[start - 1]) { return false }
        if end < text.count, ToneText.isWord(segment[segment.count - 1]), ToneText.isWord(text[end]) { return false }
        return true
    }

    /// Finds `segment` starting within `maxGap` characters of `from`, in the same sentence;
    /// returns the end of the segment.
    private static func find(_ segment: [UInt32], in text: [UInt32], from: Int) -> Int? {
        var start = from
        while start <= from + maxGap && start + segment.count <= text.count {
            if text[start..<(start + segment.count)].elementsEqual(segment), isWhole(segment, in: text, start: start) {
                return start + segment.count
            }
            if ToneText.isSentenceEnd(text[start]) { return nil }
            start += 1
        }
        return nil
    }
}

/// Why a pattern text was rejected, in words for an admin.
struct TonePatternFlaw: Error, Equatable {
    let reason: String
}
