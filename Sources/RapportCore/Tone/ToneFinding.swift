/// One place where a draft message breaks a tone rule.
///
/// Positions are given twice: in `Character`s (grapheme clusters, what Swift's `String` counts)
/// and in UTF-16 code units (what JavaScript and `NSRange` count), both from the start of the
/// checked text. A match is widened to whole characters. A finding of an
/// ``ToneRule/Kind/absent(minLength:)`` rule has an empty `phrase`, sits at the end of the
/// text and has length 0.
public struct ToneFinding: Sendable, Hashable, Codable {
    public var ruleID: String
    public var category: ToneCategory
    /// The principle the category breaks, if any (see ``ToneCategory/principle``).
    public var principle: TonePrinciple?
    /// The text as written in the message (original width, case and spacing).
    public var phrase: String
    /// Start, in Characters.
    public var offset: Int
    /// Length, in Characters.
    public var length: Int
    /// Start, in UTF-16 code units.
    public var utf16Offset: Int
    /// Length, in UTF-16 code units.
    public var utf16Length: Int
    /// Why the phrase hurts, in `language`.
    public var why: String
    /// A better way to say it, in `language`.
    public var better: String
    /// An example of the better wording, if the rule has one.
    public var example: String?
    /// The language of the rule set the rule came from (`zh-Hans`, `en`...).
    public var language: String

    public init(
        ruleID: String, category: ToneCategory, phrase: String, offset: Int, length: Int,
        utf16Offset: Int, utf16Length: Int, why: String, better: String, example: String?, language: String
    ) {
        self.ruleID = ruleID
        self.category = category
        self.principle = category.principle
        self.phrase = phrase
        self.offset = offset
        self.length = length
        self.utf16Offset = utf16Offset
        self.utf16Length = utf16Length
        self.why = why
        self.better = better
        self.example = example
        self.language = language
    }
}
