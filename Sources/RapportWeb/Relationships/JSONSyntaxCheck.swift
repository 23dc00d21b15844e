/// Finds the first JSON syntax error in a text and where it is (line and column, from 1), so an
/// admin editing a reference file in a textarea is told where the missing comma is. Foundation's
/// decoder on Linux only says "not valid JSON". Shape errors (a missing field) are left to the
/// file's own decoder, which names the field.
struct JSONSyntaxCheck {
    enum Problem: String {
        case unexpectedEnd, expectedValue, expectedCommaOrClose, expectedName, expectedColon, badString, badNumber,
             extraText, tooDeep
    }

    struct Failure: Equatable {
        let line: Int
        let column: Int
        let problem: Problem
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private static let maxDepth = 256

    /// `nil` when the text is well-formed JSON.
    static func firstError(in text: String) -> Failure? {
        var check = JSONSyntaxCheck(scalars: Array(text.unicodeScalars))
        do throws(Stop) {
            check.skipSpace()
            try check.value(depth: 0)
            check.skipSpace()
            if check.index < check.scalars.count { throw check.fail(.extraText) }
            return nil
        } catch {
            return error.failure
        }
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private struct Stop: Error {
        let failure: Failure
    }

    /// The position of `index` as line and column.
    private func fail(_ problem: Problem) -> Stop {
        var line = 1, column = 1
        for scalar in scalars[..<min(index, scalars.count)] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Stop(failure: Failure(line: line, column: column, problem: problem))
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{FEFF}" { index += 1 }
    }

    private mutating func value(depth: Int) throws(Stop) {
        guard depth < Self.maxDepth else { throw fail(.tooDeep) }
        guard let c = current else { throw fail(.unexpectedEnd) }
        switch c {
        case "{": try container(close: "}", depth: depth, named: true)
        case "[": try container(close: "]", depth: depth, named: false)
        case "\"": try string()
        case "-", "0"..."9": try number()
        case "t": try word("true")
        case "f": try word("false")
        case "n": try word("null")
        default: throw fail(.expectedValue)
        }
    }

    /// An object (`named`: members are `"name": value`) or an array.
    private mutating func container(close: Unicode.Scalar, depth: Int, named: Bool) throws(Stop) {
        index += 1
        skipSpace()
        if current == close { index += 1; return }
        while true {
            if named {
                guard let c = current else { throw fail(.unexpectedEnd) }
                guard c == "\"" else { throw fail(.expectedName) }
                try string()
                skipSpace()
                guard current == ":" else { throw fail(current == nil ? .unexpectedEnd : .expectedColon) }
                index += 1
                skipSpace()
            }
            try value(depth: depth + 1)
            skipSpace()
            guard let c = current else { throw fail(.unexpectedEnd) }
            if c == close { index += 1; return }
            guard c == "," else { throw fail(.expectedCommaOrClose) }
            index += 1
            skipSpace()
        }
    }

    private mutating func string() throws(Stop) {
        index += 1
        while let c = current {
            switch c {
            case "\"": index += 1; return
            case "\\":
                index += 1
                guard let escaped = current else { throw fail(.unexpectedEnd) }
                if escaped == "u" {
                    for _ in 0..<4 {
                        index += 1
                        guard let hex = current, hex.properties.isASCIIHexDigit else { throw fail(.badString) }
                    }
                } else if !"\"\\/bfnrt".unicodeScalars.contains(escaped) {
                    throw fail(.badString)
                }
                index += 1
            default:
                if c.value < 0x20 { throw fail(.badString) }
                index += 1
            }
        }
        throw fail(.unexpectedEnd)
    }

    private mutating func number() throws(Stop) {
        func digits(_ check: inout JSONSyntaxCheck) -> Int {
            var count = 0
            while let c = check.current, ("0"..."9").contains(c) { check.index += 1; count += 1 }
            return count
        }
        if current == "-" { index += 1 }
        guard digits(&self) > 0 else { throw fail(.badNumber) }
        if current == "." {
            index += 1
            guard digits(&self) > 0 else { throw fail(.badNumber) }
        }
        if current == "e" || current == "E" {
            index += 1
            if current == "+" || current == "-" { index += 1 }
            guard digits(&self) > 0 else { throw fail(.badNumber) }
        }
    }

    private mutating func word(_ word: String) throws(Stop) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw fail(.expectedValue) }
            index += 1
        }
    }
}
