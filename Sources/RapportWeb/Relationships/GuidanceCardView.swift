import RapportCore

/// A guidance card as the `guidance_card` partial reads it: one block per known type with its
/// traits and how to open, what to bring and what to avoid. The texts come from the guidance
/// book (reference data), only the headings from the locale files.
enum GuidanceCardView {
    /// One known type of a person (temperament, buyer type, online type) and how to deal with it.
    struct Section: PageModel {
        /// The heading of the kind of type ("Temperament"), from the locale files.
        let kindLabel: String
        /// The kind's raw value, in the block's class.
        let kind: String
        let key: String
        let name: String
        let traits: String
        let open: String
        let bring: String
        let avoid: String
        /// A suggested type, not yet confirmed.
        let suggested: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "kindLabel": kindLabel
            case "kind": kind
            case "key": key
            case "name": self.name
            case "traits": traits
            case "open": open
            case "bring": bring
            case "avoid": avoid
            case "suggested": suggested
            default: nil
            }
        }
    }

    static func sections(_ card: GuidanceCard, env: PageEnvironment, language: Language) -> [Section] {
        card.sections.map { section in
            Section(kindLabel: env.text("guidance.kind.\(section.kind.rawValue)", language), kind: section.kind.rawValue,
                    key: section.key, name: section.entry.name, traits: section.entry.traits, open: section.entry.open,
                    bring: section.entry.bring, avoid: section.entry.avoid, suggested: section.suggested)
        }
    }

    /// The person's temperament as a short label: confirmed, or the suggestion marked as such; empty when unknown.
    static func temperamentLabel(_ personality: Personality?, env: PageEnvironment, language: Language) -> String {
        guard let personality else { return "" }
        if let confirmed = personality.temperament { return env.label("temperament", confirmed, language) }
        if let suggested = personality.suggestedTemperament {
            return env.text("personality.suggestedShort", language, [env.label("temperament", suggested, language)])
        }
        return ""
    }
}
