extension ToneChecker {
    /// Turns folded spans into findings with positions in the original text, widened to whole
    /// Characters, walking the text once; absent-rule findings go last, at the end of the text.
    func findings(spans: [Hit], absent: [Int], folded: ToneText, text: String) -> [ToneFinding] {
        var result: [ToneFinding] = []
        result.reserveCapacity(spans.count + absent.count)
        var cursor = text.startIndex
        var characters = 0
        var utf16Cursor = text.startIndex
        var utf16 = 0
        for span in spans {
            let start = folded.origins[span.start]
            let end = text.unicodeScalars.index(after: folded.origins[span.end - 1])
            while cursor < text.endIndex {
                let next = text.index(after: cursor)
                if next > start { break }
                cursor = next
                characters += 1
            }
            var stop = cursor
            var length = 0
            while stop < end && stop < text.endIndex {
                stop = text.index(after: stop)
                length += 1
            }
            utf16 += text.utf16.distance(from: utf16Cursor, to: cursor)
            utf16Cursor = cursor
            result.append(finding(
                span.rule, phrase: String(text[cursor..<stop]), offset: characters, length: length,
                utf16Offset: utf16, utf16Length: text.utf16.distance(from: cursor, to: stop)))
        }
        if !absent.isEmpty {
            characters += text[cursor...].count
            utf16 += text.utf16.distance(from: utf16Cursor, to: text.endIndex)
            for rule in absent {
                result.append(finding(rule, phrase: "", offset: characters, length: 0, utf16Offset: utf16, utf16Length: 0))
            }
        }
        return result
    }

    private func finding(
        _ number: Int, phrase: String, offset: Int, length: Int, utf16Offset: Int, utf16Length: Int
    ) -> ToneFinding {
        let entry = entries[number]
        return ToneFinding(
            ruleID: entry.rule.id, category: entry.rule.category, phrase: phrase, offset: offset, length: length,
            utf16Offset: utf16Offset, utf16Length: utf16Length, why: entry.rule.why, better: entry.rule.better,
            example: entry.rule.example, language: entry.language)
    }
}
