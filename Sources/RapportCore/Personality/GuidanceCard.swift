/// The approach to one person, as the customer page shows it before a call: one section per
/// known type, in the order temperament, buyer type, online type. Empty when nothing is known.
public struct GuidanceCard: Sendable, Equatable, Codable {
    /// Which of the person's types a section is about.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case temperament, buyerType, onlineType
    }

    public struct Section: Sendable, Equatable, Codable {
        public var kind: Kind
        /// The type's raw value, e.g. `powerful` or `faultFinding`.
        public var key: String
        public var entry: GuidanceEntry
        /// True when the temperament comes from the questionnaire and no one has confirmed it yet.
        public var suggested: Bool

        public init(kind: Kind, key: String, entry: GuidanceEntry, suggested: Bool = false) {
            self.kind = kind; self.key = key; self.entry = entry; self.suggested = suggested
        }
    }

    public var sections: [Section]

    public var isEmpty: Bool { sections.isEmpty }

    /// A card for the given types; a `nil` type adds no section.
    public init(book: GuidanceBook, temperament: Temperament?, buyerType: BuyerType?,
                onlineType: OnlineCustomerType?, temperamentSuggested: Bool = false) {
        var sections: [Section] = []
        if let temperament {
            sections.append(Section(kind: .temperament, key: temperament.rawValue,
                                    entry: book.entry(for: temperament), suggested: temperamentSuggested))
        }
        if let buyerType {
            sections.append(Section(kind: .buyerType, key: buyerType.rawValue, entry: book.entry(for: buyerType)))
        }
        if let onlineType {
            sections.append(Section(kind: .onlineType, key: onlineType.rawValue, entry: book.entry(for: onlineType)))
        }
        self.sections = sections
    }

    /// A card for a stored personality: the confirmed temperament, or else the questionnaire's
    /// suggestion marked as `suggested`.
    public init(book: GuidanceBook, personality: Personality) {
        self.init(book: book, temperament: personality.temperament ?? personality.suggestedTemperament,
                  buyerType: personality.buyerType, onlineType: personality.onlineType,
                  temperamentSuggested: personality.temperament == nil && personality.suggestedTemperament != nil)
    }
}
