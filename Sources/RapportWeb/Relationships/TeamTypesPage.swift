import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /team/types` (managers and admins; reps get the 403 page): per rep, the mix of
/// temperaments and buyer types among their people, and which types the customers with won deals
/// and with lost deals had — tables, with a bar per rep drawn on the server as SVG. Type names come from the guidance
/// book in the reader's language.
struct TeamTypesPage: Sendable {
    let env: PageEnvironment
    /// Width of a bar in SVG units.
    static let barWidth = 240.0

    func register(on router: RouterGroup<SessionContext>) {
        router.get("team/types", use: env.page(.signedIn, show))
    }

    /// Counts for one rep (or one rep's won or lost customers).
    struct Tally {
        var temperaments: [Temperament?: Int] = [:]
        var buyerTypes: [BuyerType?: Int] = [:]
        var people = 0

        mutating func add(temperament: Temperament?, buyerType: BuyerType?, count: Int) {
            temperaments[temperament, default: 0] += count
            buyerTypes[buyerType, default: 0] += count
            people += count
        }
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let mixLoad = env.app.personalities.mix(acting)
        async let outcomesLoad = env.app.pipeline.outcomeMix(acting)
        async let peopleLoad = Directory.load(env.app, acting)
        async let bookLoad = env.app.personalities.guidanceBook(language)
        let (mix, outcomes, people, book) = try await (mixLoad, outcomesLoad, peopleLoad, bookLoad)

        var all: [UserID: Tally] = [:], won: [UserID: Tally] = [:], lost: [UserID: Tally] = [:]
        for row in mix {
            all[row.ownerID, default: Tally()].add(temperament: row.temperament, buyerType: row.buyerType, count: row.count)
        }
        // Won and lost: the people of customers with a won (or lost) deal, not the customer status.
        for row in outcomes {
            if row.outcome == .won { won[row.ownerID, default: Tally()].add(temperament: row.temperament, buyerType: row.buyerType, count: row.count) }
            if row.outcome == .lost { lost[row.ownerID, default: Tally()].add(temperament: row.temperament, buyerType: row.buyerType, count: row.count) }
        }
        let owners = all.keys.sorted { (people.name($0), $0.description) < (people.name($1), $1.description) }
        let notSet = env.text("teamTypes.notSet", language)
        let temperamentColumns = Temperament.allCases.map { book.entry(for: $0).name } + [notSet]
        let usedBuyerTypes = BuyerType.allCases.filter { type in all.values.contains { ($0.buyerTypes[type] ?? 0) > 0 } }

        func temperamentRow(_ owner: UserID, _ tally: Tally, buyerTypes: [String] = []) -> TeamTypesModel.Row {
            let counts = Temperament.allCases.map { tally.temperaments[$0] ?? 0 } + [tally.temperaments[nil] ?? 0]
            return TeamTypesModel.Row(name: name(owner, people, language), counts: counts.map(String.init),
                                      total: String(tally.people), bar: bar(counts, labels: temperamentColumns),
                                      buyerTypes: buyerTypes)
        }
        func buyerRow(_ owner: UserID, _ tally: Tally) -> TeamTypesModel.BuyerRow {
            TeamTypesModel.BuyerRow(name: name(owner, people, language),
                                    counts: usedBuyerTypes.map { String(tally.buyerTypes[$0] ?? 0) },
                                    notSet: String(tally.buyerTypes[nil] ?? 0))
        }
        func outcomeRows(_ tallies: [UserID: Tally]) -> [TeamTypesModel.Row] {
            owners.compactMap { owner in
                guard let tally = tallies[owner] else { return nil }
                let buyerTypes = usedBuyerTypes.compactMap { type -> String? in
                    guard let count = tally.buyerTypes[type], count > 0 else { return nil }
                    return "\(book.entry(for: type).name) \(count)"
                }
                return temperamentRow(owner, tally, buyerTypes: buyerTypes)
            }
        }
        let model = TeamTypesModel(
            temperamentColumns: temperamentColumns,
            legend: temperamentColumns.enumerated().map { TeamTypesModel.LegendItem(label: $1, cssClass: "seg-\($0)") },
            temperamentRows: owners.compactMap { owner in all[owner].map { temperamentRow(owner, $0) } },
            buyerColumns: usedBuyerTypes.map { book.entry(for: $0).name },
            buyerRows: owners.compactMap { owner in all[owner].map { buyerRow(owner, $0) } },
            wonRows: outcomeRows(won),
            lostRows: outcomeRows(lost),
            hasData: !owners.isEmpty)
        return try await env.render("team_types", page, title: "teamTypes.title", model: model)
    }

    private func name(_ owner: UserID, _ people: Directory, _ language: Language) -> String {
        let name = people.name(owner)
        return name.isEmpty ? env.text("teamTypes.unknownRep", language) : name
    }

    /// One stacked bar: a segment per column, as wide as its share of the total.
    private func bar(_ counts: [Int], labels: [String]) -> TeamTypesModel.Bar {
        let total = counts.reduce(0, +)
        var x = 0.0
        var segments: [TeamTypesModel.Segment] = []
        for (index, count) in counts.enumerated() where count > 0 && total > 0 {
            let width = Self.barWidth * Double(count) / Double(total)
            segments.append(TeamTypesModel.Segment(x: Self.format(x), width: Self.format(width), cssClass: "seg-\(index)",
                                                   label: "\(labels[index]): \(count)"))
            x += width
        }
        return TeamTypesModel.Bar(width: Self.format(Self.barWidth), segments: segments)
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
