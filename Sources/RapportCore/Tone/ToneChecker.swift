/// Checks draft messages against tone rules (服务用语检查).
///
/// Built once from one or more rule sets: every pattern, exception and apology of every rule
/// goes into one Aho–Corasick automaton over folded Unicode scalars (see ``ToneRule`` for the
/// folding), so a check is one pass over the text whatever the number of rules, plus a little
/// work per match. The checker is an immutable value: share it freely across tasks.
public struct ToneChecker: Sendable {
    /// What a piece of a rule is for.
    enum Role: Sendable { case pattern, exception, apology }

    /// One pattern of one rule, as the automaton reports it.
    struct Piece: Sendable {
        let rule: Int
        let role: Role
        let pattern: TonePattern
    }

    /// A rule with what the checker needs to report it.
    struct Entry: Sendable {
        let rule: ToneRule
        let language: String
        let isHan: Bool
    }

    /// A match in folded positions (end exclusive).
    struct Hit {
        let rule: Int
        let role: Role
        let start: Int
        let end: Int
    }

    let entries: [Entry]
    let pieces: [Piece]
    let automaton: ToneAutomaton
    /// Indices of the `absent` rules, which are checked after the scan.
    let absentRules: [Int]

    /// Compiles the rules of all `ruleSets`.
    /// - Throws: ``ToneRuleSetError`` if a set is invalid (see ``ToneRuleSet/validate()``) or two
    ///   sets share a rule id.
    public init(ruleSets: [ToneRuleSet]) throws(ToneRuleSetError) {
        var entries: [Entry] = []
        var pieces: [Piece] = []
        var seen: Set<String> = []
        for set in ruleSets {
            try set.validate()
            for (index, rule) in set.rules.enumerated() {
                guard seen.insert(rule.id).inserted else {
                    throw ToneRuleSetError(setID: set.id, ruleIndex: index, ruleID: rule.id, field: "id", problem: .duplicate)
                }
                let number = entries.count
                entries.append(Entry(rule: rule, language: set.language, isHan: set.isHan))
                var texts = rule.patterns.map { ($0, Role.pattern) } + rule.exceptions.map { ($0, Role.exception) }
                if case .refusal(let apologies) = rule.kind { texts += apologies.map { ($0, Role.apology) } }
                for (text, role) in texts {
                    // validate() has compiled every pattern already, so this cannot fail.
                    if case .success(let pattern) = TonePattern.compile(text) {
                        pieces.append(Piece(rule: number, role: role, pattern: pattern))
                    }
                }
            }
        }
        self.entries = entries
        self.pieces = pieces
        self.automaton = ToneAutomaton(keys: pieces.map { $0.pattern.segments[0] })
        self.absentRules = entries.indices.filter {
            if case .absent = entries[$0].rule.kind { true } else { false }
        }
    }

    /// How many rules the checker holds.
    public var ruleCount: Int { entries.count }

    /// All findings in `text`, ordered by position, longer first; `absent` findings come last.
    /// A rule reports non-overlapping matches, leftmost and longest first; a match lying within
    /// another finding of the same category is left out (for identical spans, the rule written
    /// in the message's main script is kept, then the earlier rule). Pure: no side effects.
    public func check(_ text: String) -> [ToneFinding] {
        let folded = ToneText(text, keepOrigins: true)
        var hits: [Hit] = []
        automaton.scan(folded.scalars) { key, end in
            let piece = pieces[key]
            if let found = piece.pattern.match(in: folded.scalars, firstEnd: end) {
                hits.append(Hit(rule: piece.rule, role: piece.role, start: found.start, end: found.end))
            }
        }
        let isHan = Self.isMainlyHan(folded.scalars)
        let spans = phraseSpans(hits, isHan: isHan)
        let absent = absentFindings(hits, folded: folded.scalars, isHan: isHan)
        return findings(spans: spans, absent: absent, folded: folded, text: text)
    }

    /// Spans to report for phrase and refusal rules, in report order: by start, longer first;
    /// for the same span, a rule in the message's own script first, then the earlier rule. A span
    /// inside an earlier span of the same category is dropped.
    private func phraseSpans(_ hits: [Hit], isHan: Bool) -> [Hit] {
        guard !hits.isEmpty else { return [] }
        let sorted = hits.sorted { ($0.rule, $0.start, $1.end) < ($1.rule, $1.start, $0.end) }
        var spans: [Hit] = []
        var first = 0
        while first < sorted.count {
            let rule = sorted[first].rule
            var last = first
            while last < sorted.count && sorted[last].rule == rule { last += 1 }
            let group = sorted[first..<last]
            first = last
            switch entries[rule].rule.kind {
            case .absent: continue
            case .refusal: if group.contains(where: { $0.role == .apology }) { continue }
            case .phrase: break
            }
            let exceptions = group.filter { $0.role == .exception }
            var reachedEnd = 0
            for hit in group where hit.role == .pattern && hit.start >= reachedEnd {
                if exceptions.contains(where: { $0.start <= hit.start && hit.end <= $0.end }) { continue }
                spans.append(hit)
                reachedEnd = hit.end
            }
        }
        func rank(_ hit: Hit) -> (Int, Int, Int, Int) {
            (hit.start, -hit.end, entries[hit.rule].isHan == isHan ? 0 : 1, hit.rule)
        }
        spans.sort { rank($0) < rank($1) }
        var reach: [ToneCategory: Int] = [:]
        return spans.filter { span in
            let category = entries[span.rule].rule.category
            if let end = reach[category], end >= span.end { return false }
            reach[category] = span.end
            return true
        }
    }

    /// The `absent` rules that apply to this message and whose patterns never occur in it.
    private func absentFindings(_ hits: [Hit], folded: [UInt32], isHan: Bool) -> [Int] {
        absentRules.filter { number in
            let entry = entries[number]
            guard case .absent(let minLength) = entry.rule.kind, entry.isHan == isHan, folded.count >= minLength else {
                return false
            }
            let present = hits.filter { $0.rule == number }
            return !present.contains { hit in
                hit.role == .pattern
                    && !present.contains { $0.role == .exception && $0.start <= hit.start && hit.end <= $0.end }
            }
        }
    }

    /// Whether the message is mainly Chinese (or Japanese): a Han character carries about as
    /// much as a short Latin word, so Han wins when it has a third as many characters as Latin
    /// has letters.
    static func isMainlyHan(_ folded: [UInt32]) -> Bool {
        var han = 0
        var latin = 0
        for scalar in folded {
            if scalar >= 0x3400 && scalar <= 0x9FFF {
                han += 1
            } else if scalar >= 0x61 && ToneText.isWord(scalar) {
                latin += 1
            }
        }
        return han > 0 && han * 3 >= latin
    }
}
