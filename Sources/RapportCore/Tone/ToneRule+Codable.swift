/// The flat file form of a rule. Decoding reports shape problems (unknown category or kind, a
/// field that the kind does not use, a wrong type) as ``ToneRuleSetError`` naming the rule's
/// index and field; content problems are left to ``ToneRuleSet/validate()``.
extension ToneRule: Codable {
    enum CodingKeys: String, CodingKey {
        case id, category, kind, patterns, exceptions, apologies, minLength, why, better, example
    }

    public init(from decoder: any Decoder) throws {
        let index = decoder.codingPath.last?.intValue
        let box = try decoder.container(keyedBy: CodingKeys.self)
        let id = try box.decode(String.self, forKey: .id)
        func fail(_ field: CodingKeys, _ problem: ToneRuleSetError.Problem) -> ToneRuleSetError {
            ToneRuleSetError(ruleIndex: index, ruleID: id, field: field.rawValue, problem: problem)
        }
        let categoryName = try box.decode(String.self, forKey: .category)
        guard let category = ToneCategory(rawValue: categoryName) else {
            throw fail(.category, .unknownValue(categoryName))
        }
        let kindName = try box.decodeIfPresent(String.self, forKey: .kind) ?? "phrase"
        let apologies = try box.decodeIfPresent([String].self, forKey: .apologies)
        let minLength = try box.decodeIfPresent(Int.self, forKey: .minLength)
        let kind: Kind
        switch kindName {
        case "phrase": kind = .phrase
        case "refusal":
            guard let apologies else { throw fail(.apologies, .missing) }
            kind = .refusal(apologies: apologies)
        case "absent":
            guard let minLength else { throw fail(.minLength, .missing) }
            kind = .absent(minLength: minLength)
        default: throw fail(.kind, .unknownValue(kindName))
        }
        if apologies != nil && kindName != "refusal" { throw fail(.apologies, .notAllowed(kind: kindName)) }
        if minLength != nil && kindName != "absent" { throw fail(.minLength, .notAllowed(kind: kindName)) }
        self.init(
            id: id, category: category, kind: kind,
            patterns: try box.decode([String].self, forKey: .patterns),
            exceptions: try box.decodeIfPresent([String].self, forKey: .exceptions) ?? [],
            why: try box.decode(String.self, forKey: .why),
            better: try box.decode(String.self, forKey: .better),
            example: try box.decodeIfPresent(String.self, forKey: .example))
    }

    public func encode(to encoder: any Encoder) throws {
        var box = encoder.container(keyedBy: CodingKeys.self)
        try box.encode(id, forKey: .id)
        try box.encode(category.rawValue, forKey: .category)
        try box.encode(kind.name, forKey: .kind)
        try box.encode(patterns, forKey: .patterns)
        if !exceptions.isEmpty { try box.encode(exceptions, forKey: .exceptions) }
        switch kind {
        case .phrase: break
        case .refusal(let apologies): try box.encode(apologies, forKey: .apologies)
        case .absent(let minLength): try box.encode(minLength, forKey: .minLength)
        }
        try box.encode(why, forKey: .why)
        try box.encode(better, forKey: .better)
        try box.encodeIfPresent(example, forKey: .example)
    }
}
