import RapportCore

/// A guidance card as the `guidance_card` partial reads it: one block per known type with its
/// traits and how to open, what to bring and what to avoid. The texts come from the guidance
/// book (reference data), only the headings from the locale files.
enum GuidanceCardView {
    static func sections(_ card: GuidanceCard, env: PageEnvironment, language: Language) -> [[String: Any]] {
        card.sections.map { section in
            [
                "kindLabel": env.text("guidance.kind.\(section.kind.rawValue)", language),
                "kind": section.kind.rawValue,
                "key": section.key,
                "name": section.entry.name,
                "traits": section.entry.traits,
                "open": section.entry.open,
                "bring": section.entry.bring,
                "avoid": section.entry.avoid,
                "suggested": section.suggested,
            ] as [String: Any]
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
