import Foundation

/// Mandarin readings of names, for pinyin order and pinyin search.
///
/// Each CJK ideograph (U+4E00...U+9FFF) has one reading from a shipped table (`PinyinReadings.swift`,
/// generated from ICU once, so a stored sort key does not change with the ICU version). A few
/// words common in company and place names whose characters read differently there (银行 yin hang,
/// 重庆 chong qing, 长沙 chang sha, 厦门 xia men…) are read as words first.
///
/// - `sortKey("阿里巴巴")` is `"a li ba ba"`: names sort by pinyin, then by other letters and digits.
/// - `searchForms("阿里巴巴")` is `["alibaba", "albb"]`: full pinyin and initials, which the search
///   document carries besides the characters, so typing `alibaba` or `albb` finds the customer.
public enum Pinyin {
    /// One token of a text: a Han character's reading, or a run of other letters and digits.
    enum Token: Equatable {
        case han(String)
        case other(String)
    }

    static let readings: [Substring] = readingsText.split(whereSeparator: \.isWhitespace)

    /// Words read differently from their characters' most common readings, longest first.
    static let words: [(word: [Character], readings: [String])] = [
        ("银行", "yin hang"), ("行业", "hang ye"), ("行长", "hang zhang"), ("商行", "shang hang"), ("车行", "che hang"),
        ("重庆", "chong qing"), ("长沙", "chang sha"), ("长春", "chang chun"), ("长安", "chang an"), ("长城", "chang cheng"),
        ("长江", "chang jiang"), ("长宁", "chang ning"), ("长治", "chang zhi"), ("延长", "yan chang"), ("厦门", "xia men"),
        ("成都", "cheng du"), ("首都", "shou du"), ("都市", "du shi"), ("音乐", "yin yue"), ("会计", "kuai ji"),
        ("蚌埠", "beng bu"), ("六安", "lu an"), ("丽水", "li shui"), ("台州", "tai zhou"),
    ].map { (Array($0.0), $0.1.split(separator: " ").map(String.init)) }

    /// The tokens of a text, lower case, other characters (spaces, punctuation) separating runs.
    static func tokens(_ text: String) -> [Token] {
        let characters = Array(text.lowercased())
        var tokens: [Token] = []
        var run = ""
        func flush() {
            if !run.isEmpty { tokens.append(.other(run)); run = "" }
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let reading = reading(of: character) {
                flush()
                if let entry = words.first(where: { characters[index...].starts(with: $0.word) }) {
                    tokens += entry.readings.map(Token.han)
                    index += entry.word.count
                    continue
                }
                tokens.append(.han(reading))
            } else if character.isLetter || character.isNumber {
                run += String(character).folding(options: .diacriticInsensitive, locale: nil)
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }

    /// The reading of one ideograph, or nil for any other character (or one without a reading).
    static func reading(of character: Character) -> String? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              (0x4E00...0x9FFF).contains(scalar.value) else { return nil }
        let reading = readings[Int(scalar.value - 0x4E00)]
        return reading == "-" ? nil : String(reading)
    }

    /// Whether a text holds an ideograph with a reading.
    public static func hasHan(_ text: String) -> Bool {
        text.contains { reading(of: $0) != nil }
    }

    /// Whether a text may hold an ideograph (a scalar scan, cheap on phones and e-mails).
    static func mayHaveHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The key a name sorts by: its tokens separated by spaces ("a li ba ba", "apple ping guo"),
    /// lower case and without accents, so Chinese and Latin names interleave by letter.
    public static func sortKey(_ name: String) -> String {
        tokens(name).map { token in
            switch token {
            case .han(let reading): reading
            case .other(let text): text
            }
        }.joined(separator: " ")
    }

    /// Full pinyin and initials of a text that holds ideographs ("alibaba", "albb"; "abcgongsi",
    /// "abcgs" for "ABC公司"), or none for a text without.
    public static func searchForms(_ text: String) -> [String] {
        guard mayHaveHan(text) else { return [] }
        let tokens = tokens(text)
        guard tokens.contains(where: { if case .han = $0 { true } else { false } }) else { return [] }
        var full = "", initials = ""
        for token in tokens {
            switch token {
            case .han(let reading):
                full += reading
                initials += reading.prefix(1)
            case .other(let text):
                full += text
                initials += text
            }
        }
        return [full, initials]
    }
}
