import Foundation

/// A named list of tone rules in one language, as an admin keeps it in a JSON file:
///
/// ```json
/// { "id": "rapport.zh-Hans", "language": "zh-Hans",
///   "rules": [ { "id": "zh.vague.should-be-fine", "category": "vague", "kind": "phrase",
///                "patterns": ["应该没问题"], "why": "…", "better": "…", "example": "…" } ] }
/// ```
/// Unknown keys are ignored, so a file may carry comments in a `"note"` field. Read files with
/// ``decode(_:)``, which also validates; plain `Decodable` decoding does not (``ToneChecker``
/// validates again either way).
public struct ToneRuleSet: Sendable, Hashable, Codable {
    /// Identifies the set in errors and logs.
    public var id: String
    /// BCP 47 tag of the texts in `why` and `better`: `zh-Hans`, `en`...
    public var language: String
    public var rules: [ToneRule]

    public init(id: String, language: String, rules: [ToneRule]) {
        self.id = id
        self.language = language
        self.rules = rules
    }

    /// Reads and validates a rule file.
    /// - Throws: ``ToneRuleSetError`` naming the rule's index, id and field: bad JSON, a missing
    ///   or mistyped field, an unknown category or kind, a duplicate id, an empty list or text,
    ///   or a pattern that cannot be matched.
    public static func decode(_ data: Data) throws(ToneRuleSetError) -> ToneRuleSet {
        let set: ToneRuleSet
        do {
            set = try JSONDecoder().decode(ToneRuleSet.self, from: data)
        } catch let error as ToneRuleSetError {
            throw error.inSet(peekSetID(data))
        } catch let error as DecodingError {
            throw translate(error, data: data)
        } catch {
            throw ToneRuleSetError(field: nil, problem: .notJSON(String(describing: error)))
        }
        try set.validate()
        return set
    }

    /// Checks every rule's content and that ids are unique.
    /// - Throws: ``ToneRuleSetError`` for the first problem found.
    public func validate() throws(ToneRuleSetError) {
        if id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ToneRuleSetError(field: "id", problem: .empty)
        }
        if language.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ToneRuleSetError(setID: id, field: "language", problem: .empty)
        }
        var seen: Set<String> = []
        for (index, rule) in rules.enumerated() {
            if let (field, problem) = rule.firstProblem() {
                throw ToneRuleSetError(setID: id, ruleIndex: index, ruleID: rule.id, field: field, problem: problem)
            }
            if !seen.insert(rule.id).inserted {
                throw ToneRuleSetError(setID: id, ruleIndex: index, ruleID: rule.id, field: "id", problem: .duplicate)
            }
        }
    }

    /// Whether the set's texts are in a Han-script language (Chinese, Japanese).
    var isHan: Bool {
        let tag = language.lowercased()
        return tag == "zh" || tag.hasPrefix("zh-") || tag == "ja" || tag.hasPrefix("ja-")
    }

    /// Turns a decoder error into one that names the rule index, id and field.
    private static func translate(_ error: DecodingError, data: Data) -> ToneRuleSetError {
        let path: [any CodingKey]
        let problem: ToneRuleSetError.Problem
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            problem = .missing
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            path = context.codingPath
            problem = .wrongType
        case .dataCorrupted(let context):
            path = context.codingPath
            problem = path.isEmpty ? .notJSON(context.debugDescription) : .wrongType
        @unknown default:
            return ToneRuleSetError(field: nil, problem: .notJSON(String(describing: error)))
        }
        var index: Int?
        var field: String?
        if path.first?.stringValue == "rules", path.count >= 2, let position = path[1].intValue {
            index = position
            field = path.count >= 3 ? path[2].stringValue : nil
        } else {
            field = path.first?.stringValue
        }
        let ruleID = index.flatMap { peekRuleID(data, at: $0) }
        return ToneRuleSetError(setID: peekSetID(data), ruleIndex: index, ruleID: ruleID, field: field, problem: problem)
    }

    /// The set and rule ids of a file that failed to decode, read as leniently as possible.
    private struct Peek: Decodable {
        struct Rule: Decodable { var id: String? }
        var id: String?
        var rules: [Rule]?
    }

    /// Best effort on a file that already failed: the caller reports the original error
    /// either way, this only adds the ids to it when they can be read.
    private static func peek(_ data: Data) -> Peek? {
        do {
            return try JSONDecoder().decode(Peek.self, from: data)
        } catch {
            return nil
        }
    }

    private static func peekSetID(_ data: Data) -> String? { peek(data)?.id }

    private static func peekRuleID(_ data: Data, at index: Int) -> String? {
        guard let rules = peek(data)?.rules, rules.indices.contains(index) else { return nil }
        return rules[index].id
    }
}

extension ToneRuleSetError {
    /// The same error with the set id filled in.
    func inSet(_ setID: String?) -> ToneRuleSetError {
        var copy = self
        copy.setID = setID
        return copy
    }
}
