import Foundation

/// How to deal with one kind of person: what the rep reads before a call.
public struct GuidanceEntry: Sendable, Codable, Equatable {
    /// The type's name as users know it, e.g. 力量型.
    public var name: String
    /// The traits to recognise, in one line.
    public var traits: String
    /// How to open the conversation.
    public var open: String
    /// What to bring: material, evidence, offers.
    public var bring: String
    /// What to avoid.
    public var avoid: String

    public init(name: String, traits: String, open: String, bring: String, avoid: String) {
        self.name = name; self.traits = traits; self.open = open; self.bring = bring; self.avoid = avoid
    }

    private enum CodingKeys: String, CodingKey { case name, traits, open, bring, avoid }

    /// Every text is required and must not be blank.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var texts: [String] = []
        for key in [CodingKeys.name, .traits, .open, .bring, .avoid] {
            let text = try c.decode(String.self, forKey: key)
            try ReferenceData.requireText(text, key, in: c)
            texts.append(text)
        }
        self.init(name: texts[0], traits: texts[1], open: texts[2], bring: texts[3], avoid: texts[4])
    }
}

/// The guidance for every temperament, buyer type and online customer type in one language
/// (DOMAIN part 2), read from `Resources/Reference/guidance.<language>.json`.
///
/// A book always holds an entry for every case: decoding fails on a missing or unknown entry,
/// so a page can never meet a type without guidance.
public struct GuidanceBook: Sendable, Equatable, Codable {
    /// The language of the texts, e.g. `zh-Hans` or `en`.
    public let language: String
    private let temperaments: [Temperament: GuidanceEntry]
    private let buyerTypes: [BuyerType: GuidanceEntry]
    private let onlineTypes: [OnlineCustomerType: GuidanceEntry]

    /// Builds a book; throws when the language is blank or any case has no entry.
    public init(language: String, temperaments: [Temperament: GuidanceEntry],
                buyerTypes: [BuyerType: GuidanceEntry], onlineTypes: [OnlineCustomerType: GuidanceEntry])
        throws(ReferenceDataError) {
        if language.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ReferenceDataError(path: "language", problem: "must not be empty")
        }
        if let missing = Temperament.allCases.first(where: { temperaments[$0] == nil }) {
            throw ReferenceDataError(path: "temperaments.\(missing.rawValue)", problem: "missing")
        }
        if let missing = BuyerType.allCases.first(where: { buyerTypes[$0] == nil }) {
            throw ReferenceDataError(path: "buyerTypes.\(missing.rawValue)", problem: "missing")
        }
        if let missing = OnlineCustomerType.allCases.first(where: { onlineTypes[$0] == nil }) {
            throw ReferenceDataError(path: "onlineTypes.\(missing.rawValue)", problem: "missing")
        }
        self.language = language
        self.temperaments = temperaments
        self.buyerTypes = buyerTypes
        self.onlineTypes = onlineTypes
    }

    /// Decodes and checks a guidance file.
    public static func decode(_ data: Data) throws(ReferenceDataError) -> Self {
        try ReferenceData.decode(Self.self, from: data)
    }

    public func entry(for temperament: Temperament) -> GuidanceEntry {
        Self.lookup(temperaments, temperament)
    }

    public func entry(for buyerType: BuyerType) -> GuidanceEntry {
        Self.lookup(buyerTypes, buyerType)
    }

    public func entry(for onlineType: OnlineCustomerType) -> GuidanceEntry {
        Self.lookup(onlineTypes, onlineType)
    }

    /// The init guarantees every case is present; reaching the failure would be a bug in this file.
    private static func lookup<Name: Hashable & RawRepresentable<String>>(
        _ table: [Name: GuidanceEntry], _ name: Name
    ) -> GuidanceEntry {
        guard let entry = table[name] else { preconditionFailure("GuidanceBook has no entry for \(name.rawValue)") }
        return entry
    }

    private enum CodingKeys: String, CodingKey { case language, temperaments, buyerTypes, onlineTypes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            language: c.decode(String.self, forKey: .language),
            temperaments: ReferenceData.table(of: Temperament.self, GuidanceEntry.self, in: c, forKey: .temperaments),
            buyerTypes: ReferenceData.table(of: BuyerType.self, GuidanceEntry.self, in: c, forKey: .buyerTypes),
            onlineTypes: ReferenceData.table(of: OnlineCustomerType.self, GuidanceEntry.self, in: c, forKey: .onlineTypes))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try ReferenceData.encodeTable(temperaments, in: &c, forKey: .temperaments)
        try ReferenceData.encodeTable(buyerTypes, in: &c, forKey: .buyerTypes)
        try ReferenceData.encodeTable(onlineTypes, in: &c, forKey: .onlineTypes)
    }
}
