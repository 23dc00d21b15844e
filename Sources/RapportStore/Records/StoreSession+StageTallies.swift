import Foundation
import RapportCore
import SQLKit

/// Which customers a write touches, for `keepingTallies`: a list of ids, or an SQL subquery that
/// yields them (a batch table, a bound JSON array) while the write runs.
enum TallyCustomers: Sendable {
    case ids([CustomerID])
    case subquery(SQLQueryString)
}

/// What a set of customers contributes to `stage_tallies` and `stage_flow_tallies` at one moment.
struct TallyShare: Sendable {
    struct StageKey: Hashable, Comparable, Sendable {
        var owner: String, team: String, rank: Int64
        static func < (a: Self, b: Self) -> Bool { (a.owner, a.team, a.rank) < (b.owner, b.team, b.rank) }
    }
    struct FlowKey: Hashable, Comparable, Sendable {
        var owner: String, team: String, month: String, from: String, to: String
        static func < (a: Self, b: Self) -> Bool {
            (a.owner, a.team, a.month, a.from, a.to) < (b.owner, b.team, b.month, b.from, b.to)
        }
    }
    var stages: [StageKey: Int64] = [:]
    var flows: [FlowKey: Int64] = [:]
}

extension StoreSession {
    /// Runs a write that may change the owner, team, liveness, stage or stage moves of `customers`,
    /// and moves the tallies by the difference between their share before and after it. The delta
    /// is applied in key order, one statement per table, so two writers on PostgreSQL lock tally rows
    /// in the same order; a write that changes none of those keys writes no tally row at all.
    func keepingTallies<T>(_ customers: TallyCustomers, _ write: () async throws -> T) async throws -> T {
        if case .ids(let ids) = customers, ids.isEmpty { return try await write() }
        let before = try await tallyShare(customers)
        let result = try await write()
        let after = try await tallyShare(customers)
        try await applyTallyDelta(from: before, to: after)
        return result
    }

    /// Adds newly inserted live customers (stage suspect) to `stage_tallies` without reading them back.
    func tallyNewCustomers(_ batch: [Customer]) async throws {
        var share = TallyShare()
        for c in batch where c.deletedAt == nil {
            share.stages[.init(owner: c.ownerID?.description ?? "", team: c.teamID?.description ?? "", rank: 0), default: 0] += 1
        }
        try await applyTallyDelta(from: TallyShare(), to: share)
    }

    private func idCondition(_ customers: TallyCustomers, column: String) -> [SQLQueryString] {
        switch customers {
        case .subquery(let sql): return ["\(unsafeRaw: column) IN (\(sql))"]
        case .ids(let ids):
            return ids.batches(of: 500).map { "\(unsafeRaw: column) IN (\(binds: $0.map(\.description)))" }
        }
    }

    private func tallyShare(_ customers: TallyCustomers) async throws -> TallyShare {
        var share = TallyShare()
        for condition in idCondition(customers, column: "c.id") {
            for row in try await db.raw("""
                SELECT COALESCE(c.owner_id, '') AS o, COALESCE(c.team_id, '') AS t, c.stage_rank AS r, COUNT(*) AS n
                FROM customers c WHERE \(condition) AND c.deleted_at IS NULL
                GROUP BY COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), c.stage_rank
                """).all() {
                share.stages[.init(owner: try row.text("o"), team: try row.text("t"), rank: Int64(try row.int("r"))), default: 0]
                    += Int64(try row.int("n"))
            }
        }
        for condition in idCondition(customers, column: "lc.customer_id") {
            for row in try await db.raw("""
                SELECT COALESCE(c.owner_id, '') AS o, COALESCE(c.team_id, '') AS t, lc.month AS m,
                COALESCE(lc.from_stage, '') AS f, lc.to_stage AS s, COUNT(*) AS n
                FROM lifecycle_changes lc JOIN customers c ON c.id = lc.customer_id
                WHERE \(condition) AND c.deleted_at IS NULL
                GROUP BY COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), lc.month, COALESCE(lc.from_stage, ''), lc.to_stage
                """).all() {
                let key = TallyShare.FlowKey(owner: try row.text("o"), team: try row.text("t"), month: try row.text("m"),
                                             from: try row.text("f"), to: try row.text("s"))
                share.flows[key, default: 0] += Int64(try row.int("n"))
            }
        }
        return share
    }

    private func applyTallyDelta(from before: TallyShare, to after: TallyShare) async throws {
        var stages = after.stages
        for (key, n) in before.stages { stages[key, default: 0] -= n }
        try await upsertTallies(stages, into: "stage_tallies (owner_id, team_id, stage_rank, n)",
                                conflict: "owner_id, team_id, stage_rank") { key, n in
            "(\(bind: key.owner), \(bind: key.team), \(bind: key.rank), \(bind: n))"
        }
        var flows = after.flows
        for (key, n) in before.flows { flows[key, default: 0] -= n }
        try await upsertTallies(flows, into: "stage_flow_tallies (owner_id, team_id, month, from_stage, to_stage, n)",
                                conflict: "owner_id, team_id, month, from_stage, to_stage") { key, n in
            "(\(bind: key.owner), \(bind: key.team), \(bind: key.month), \(bind: key.from), \(bind: key.to), \(bind: n))"
        }
    }

    /// Adds the non-zero deltas to a tally table, in key order, 500 rows a statement.
    private func upsertTallies<Key: Comparable>(_ deltas: [Key: Int64], into table: String, conflict: String,
                                                row: (Key, Int64) -> SQLQueryString) async throws {
        let rows = deltas.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        let name = String(table.prefix { $0 != " " })
        for chunk in rows.batches(of: 500) {
            var sql: SQLQueryString = "INSERT INTO \(unsafeRaw: table) VALUES "
            sql += chunk.map { row($0.key, $0.value) }.joined(separator: ", ")
            sql += " ON CONFLICT (\(unsafeRaw: conflict)) DO UPDATE SET n = \(unsafeRaw: name).n + excluded.n"
            try await db.raw(sql).run()
        }
    }
}
