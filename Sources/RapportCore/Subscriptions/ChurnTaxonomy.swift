import Foundation

/// The churn reasons and the reasons for renewing despite poor results (DOMAIN part 3), loaded
/// from the `churn-reasons` reference file so an admin can edit them. Churn reasons form a tree;
/// only its leaves are recorded on a subscription, the inner nodes group them.
public struct ChurnTaxonomy: Sendable, Codable, Equatable {
    /// One reason or group of reasons, labelled in both languages.
    public struct Node: Sendable, Codable, Equatable {
        public var code: String
        public var zh: String
        public var en: String
        public var children: [Node]

        public init(code: String, zh: String, en: String, children: [Node] = []) {
            self.code = code; self.zh = zh; self.en = en; self.children = children
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(code: try c.decode(String.self, forKey: .code), zh: try c.decode(String.self, forKey: .zh),
                      en: try c.decode(String.self, forKey: .en),
                      children: try c.decodeIfPresent([Node].self, forKey: .children) ?? [])
        }

        public func label(_ language: Language) -> String { language == .en ? en : zh }
    }

    public var churn: [Node]
    public var renewalDespite: [Node]

    public init(churn: [Node], renewalDespite: [Node]) {
        self.churn = churn
        self.renewalDespite = renewalDespite
    }

    /// Problems found in a taxonomy file.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Decodes and checks a file: codes are unique, made of letters, digits, `.`, `-`, `_`; every
    /// label is filled; there is at least one churn reason and one renewal reason.
    public static func decode(_ data: Data) throws -> ChurnTaxonomy {
        let taxonomy = try JSONDecoder().decode(ChurnTaxonomy.self, from: data)
        try taxonomy.check()
        return taxonomy
    }

    func check() throws {
        var seen = Set<String>()
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_"))
        func visit(_ node: Node) throws {
            if node.code.isEmpty || node.code.unicodeScalars.contains(where: { !allowed.contains($0) }) {
                throw Invalid(description: "invalid code \"\(node.code)\"")
            }
            if !seen.insert(node.code).inserted { throw Invalid(description: "duplicate code \"\(node.code)\"") }
            if node.zh.trimmingCharacters(in: .whitespaces).isEmpty || node.en.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Invalid(description: "missing label for \"\(node.code)\"")
            }
            for child in node.children { try visit(child) }
        }
        for node in churn + renewalDespite { try visit(node) }
        if churnLeaves.isEmpty { throw Invalid(description: "no churn reasons") }
        if renewalDespite.isEmpty { throw Invalid(description: "no renewal reasons") }
    }

    /// The churn reasons that may be recorded, in file order, each with the path of groups above it.
    public var churnLeaves: [(node: Node, groups: [Node])] {
        var out: [(Node, [Node])] = []
        func walk(_ node: Node, _ path: [Node]) {
            if node.children.isEmpty { out.append((node, path)) } else { node.children.forEach { walk($0, path + [node]) } }
        }
        churn.forEach { walk($0, []) }
        return out
    }

    /// The renewal reasons that may be recorded.
    public var renewalLeaves: [Node] {
        var out: [Node] = []
        func walk(_ node: Node) { if node.children.isEmpty { out.append(node) } else { node.children.forEach(walk) } }
        renewalDespite.forEach(walk)
        return out
    }

    /// The given churn codes that are not recordable reasons.
    public func unknownChurnCodes(_ codes: [String]) -> [String] {
        let known = Set(churnLeaves.map(\.node.code))
        return codes.filter { !known.contains($0) }
    }

    public func unknownRenewalCodes(_ codes: [String]) -> [String] {
        let known = Set(renewalLeaves.map(\.code))
        return codes.filter { !known.contains($0) }
    }

    /// The label of any code (churn or renewal) in `language`, with its groups ("Poor results › Product fit › …").
    public func label(_ code: String, _ language: Language, withGroups: Bool = false) -> String? {
        if let leaf = churnLeaves.first(where: { $0.node.code == code }) {
            return withGroups ? (leaf.groups + [leaf.node]).map { $0.label(language) }.joined(separator: " › ")
                : leaf.node.label(language)
        }
        func find(_ nodes: [Node]) -> Node? {
            for n in nodes { if n.code == code { return n }; if let hit = find(n.children) { return hit } }
            return nil
        }
        return find(churn + renewalDespite)?.label(language)
    }
}
