import Foundation

/// One tone rule: what to look for in a draft, why it hurts and what to say instead.
///
/// In a rule file a rule is a flat JSON object (see ``ToneRuleSet``):
/// `id`, `category`, `kind` (`phrase` when omitted), `patterns`, optional `exceptions`,
/// `apologies` (refusal rules only), `minLength` (absent rules only), `why`, `better` and an
/// optional `example`. Patterns are literal phrases, matched after folding width, Latin case and
/// spacing (see `ToneText`); where a pattern starts or ends with a Latin letter or digit it only
/// matches whole words ("no" never matches inside "know"); `…` (U+2026) inside a pattern stands
/// for up to 10 characters of the same sentence ("应该…吧").
public struct ToneRule: Sendable, Hashable {
    /// How the rule's patterns decide that a message breaks it.
    public enum Kind: Sendable, Hashable {
        /// Flags every occurrence of any pattern.
        case phrase
        /// Flags every occurrence of a refusal pattern when none of `apologies` occurs
        /// anywhere in the message.
        case refusal(apologies: [String])
        /// Flags a message of at least `minLength` folded characters in which no pattern
        /// occurs (no thanks, no courtesy...). Applies only to messages mainly written in the
        /// rule set's script (Han for Chinese and Japanese, Latin otherwise).
        case absent(minLength: Int)

        /// The name used in rule files.
        public var name: String {
            switch self {
            case .phrase: "phrase"
            case .refusal: "refusal"
            case .absent: "absent"
            }
        }
    }

    /// Unique within the checker, e.g. `zh.vague.should-be-fine`.
    public var id: String
    public var category: ToneCategory
    public var kind: Kind
    /// The phrases to find (or, for ``Kind/absent(minLength:)``, to miss).
    public var patterns: [String]
    /// Longer harmless phrases: a match lying inside one of them is not flagged
    /// (e.g. "不准" inside "说不准").
    public var exceptions: [String]
    /// Why the phrase hurts, in the rule set's language.
    public var why: String
    /// A better way to say it.
    public var better: String
    /// An example of the better wording, if the file gives one.
    public var example: String?

    public init(
        id: String, category: ToneCategory, kind: Kind = .phrase, patterns: [String],
        exceptions: [String] = [], why: String, better: String, example: String? = nil
    ) {
        self.id = id
        self.category = category
        self.kind = kind
        self.patterns = patterns
        self.exceptions = exceptions
        self.why = why
        self.better = better
        self.example = example
    }

    /// The first thing wrong with the rule's content, checked by ``ToneRuleSet/validate()``.
    func firstProblem() -> (field: String, problem: ToneRuleSetError.Problem)? {
        if id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return ("id", .empty) }
        if patterns.isEmpty { return ("patterns", .empty) }
        var lists = [("patterns", patterns), ("exceptions", exceptions)]
        switch kind {
        case .phrase: break
        case .refusal(let apologies):
            if apologies.isEmpty { return ("apologies", .empty) }
            lists.append(("apologies", apologies))
        case .absent(let minLength):
            if minLength < 1 { return ("minLength", .outOfRange) }
        }
        for (field, list) in lists {
            for text in list {
                if case .failure(let flaw) = TonePattern.compile(text) {
                    return (field, .badPattern(text, flaw.reason))
                }
            }
        }
        if why.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return ("why", .empty) }
        if better.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return ("better", .empty) }
        return nil
    }
}
