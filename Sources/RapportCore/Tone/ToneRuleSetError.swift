/// Why a tone rule set was rejected: which set, which rule (zero-based index in `rules` and
/// id, when known), which field, and what is wrong with it. Meant for the admin who edits the
/// file and for the log; ``description`` reads as one English sentence.
public struct ToneRuleSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the field.
    public enum Problem: Sendable, Hashable {
        /// The data is not JSON; the associated text is the decoder's explanation.
        case notJSON(String)
        /// A required field is absent.
        case missing
        /// The field holds the wrong type of value (a number where text belongs...).
        case wrongType
        /// A text is blank or a list is empty.
        case empty
        /// A category or kind that does not exist.
        case unknownValue(String)
        /// The rule id is already used by an earlier rule (in this or another set).
        case duplicate
        /// The field does not apply to a rule of this kind.
        case notAllowed(kind: String)
        /// A number outside its allowed range (e.g. `minLength` below 1).
        case outOfRange
        /// A pattern that cannot be matched: the pattern and the reason.
        case badPattern(String, String)
    }

    /// The set's id, when it could be read.
    public var setID: String?
    /// Zero-based position of the rule in the set's `rules` array; `nil` for set-level fields.
    public var ruleIndex: Int?
    /// The rule's id, when it could be read.
    public var ruleID: String?
    /// The field at fault, e.g. `category`; `nil` when the whole file is unreadable.
    public var field: String?
    public var problem: Problem

    public init(setID: String? = nil, ruleIndex: Int? = nil, ruleID: String? = nil, field: String?, problem: Problem) {
        self.setID = setID
        self.ruleIndex = ruleIndex
        self.ruleID = ruleID
        self.field = field
        self.problem = problem
    }

    public var description: String {
        var place = "tone rule set"
        if let setID { place += " '\(setID)'" }
        if let ruleIndex { place += ", rule #\(ruleIndex)" }
        if let ruleID { place += " (id '\(ruleID)')" }
        if let field { place += ", field '\(field)'" }
        return place + ": " + explanation
    }

    private var explanation: String {
        switch problem {
        case .notJSON(let detail): "not a valid JSON rule set (\(detail))"
        case .missing: "is required"
        case .wrongType: "has the wrong type"
        case .empty: "must not be empty"
        case .unknownValue(let value): "'\(value)' is not a known value"
        case .duplicate: "this id is already used by another rule"
        case .notAllowed(let kind): "is not used by \(kind) rules"
        case .outOfRange: "is out of range"
        case .badPattern(let pattern, let reason): "pattern '\(pattern)' \(reason)"
        }
    }
}
