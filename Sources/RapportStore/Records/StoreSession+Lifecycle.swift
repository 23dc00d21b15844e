import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// The customer-list condition for one stage, on alias `c` (the kept `stage_rank`); customers
    /// without a stored stage are suspects.
    static func stageClause(_ stage: LifecycleStage) -> SQLQueryString {
        " AND c.stage_rank = \(literal: stage.rank)"
    }

    /// A customer's stored stage; nil when it was never computed (a suspect).
    func customerLifecycle(_ id: CustomerID) async throws -> CustomerLifecycle? {
        guard let row = try await db.raw("""
            SELECT customer_id, stage, reason, since, computed_at FROM customer_lifecycle
            WHERE customer_id = \(bind: id.description)
            """).first() else { return nil }
        return CustomerLifecycle(
            customerID: try row.id("customer_id"), stage: try row.enumValue("stage"),
            reason: try StoredJSON.decode(LifecycleReason.self, try row.text("reason"), column: "reason"),
            since: try row.date("since"), computedAt: try row.date("computed_at"))
    }

    /// A customer's stage moves, newest first.
    func lifecycleChanges(of id: CustomerID, limit: Int = 100) async throws -> [LifecycleChange] {
        try await db.raw("""
            SELECT customer_id, from_stage, to_stage, reason, month, at FROM lifecycle_changes
            WHERE customer_id = \(bind: id.description) ORDER BY at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            LifecycleChange(customerID: try row.id("customer_id"), from: try row.optionalEnum("from_stage"),
                            to: try row.enumValue("to_stage"),
                            reason: try StoredJSON.decode(LifecycleReason.self, try row.text("reason"), column: "reason"),
                            month: try row.text("month"), at: try row.date("at"))
        }
    }

    /// The reason as stored: `{"args":{...},"code":"..."}` with sorted keys, as JSONEncoder writes it.
    static func reasonJSON(_ reason: LifecycleReason) -> String {
        "{\"args\":" + StoredJSON.encode(strings: reason.args.sorted { $0.key < $1.key }) + ",\"code\":"
            + StoredJSON.quoted(reason.code.rawValue) + "}"
    }

    /// Counts per stage (every stage, in order) over the customers in the scope, and the monthly
    /// flow between stages since `fromMonth` ('YYYY-MM'), newest month first: sums over the kept
    /// tallies (`stage_tallies`, `stage_flow_tallies`), a few rows per owner, whatever the number of
    /// customers. The scope's columns have the customers' names, so the same clause applies.
    func lifecycleSummary(scope: AccessScope, fromMonth: String) async throws -> LifecycleSummary {
        var counts: [LifecycleStage: Int] = [:]
        for row in try await db.raw("""
            SELECT c.stage_rank AS r, CAST(SUM(c.n) AS BIGINT) AS n FROM stage_tallies c
            WHERE \(Self.scopeClause(scope)) GROUP BY c.stage_rank
            """).all() {
            counts[LifecycleStage(rank: try row.int("r")) ?? .suspect, default: 0] += try row.int("n")
        }
        let flow = try await db.raw("""
            SELECT c.month, c.from_stage, c.to_stage, CAST(SUM(c.n) AS BIGINT) AS n FROM stage_flow_tallies c
            WHERE c.month >= \(bind: fromMonth) AND \(Self.scopeClause(scope))
            GROUP BY c.month, c.from_stage, c.to_stage HAVING SUM(c.n) <> 0
            ORDER BY c.month DESC, c.from_stage, c.to_stage
            """).all().map { row in
            let from = try row.text("from_stage")
            return LifecycleSummary.Flow(month: try row.text("month"), from: from.isEmpty ? nil : try row.enumValue("from_stage"),
                                         to: try row.enumValue("to_stage"), count: try row.int("n"))
        }
        return LifecycleSummary(stages: LifecycleStage.allCases.map { .init(stage: $0, count: counts[$0] ?? 0) },
                                flow: flow)
    }

    /// The same summary counted from the customers and their moves (what the tallies must equal;
    /// the tests compare the two).
    func lifecycleSummaryCounted(scope: AccessScope, fromMonth: String) async throws -> LifecycleSummary {
        let rows = try await db.raw("""
            SELECT COALESCE(cl.stage, 'suspect') AS stage, COUNT(*) AS n FROM customers c
            LEFT JOIN customer_lifecycle cl ON cl.customer_id = c.id
            WHERE c.deleted_at IS NULL AND \(Self.scopeClause(scope)) GROUP BY COALESCE(cl.stage, 'suspect')
            """).all()
        var counts: [LifecycleStage: Int] = [:]
        for row in rows { counts[try row.enumValue("stage"), default: 0] += try row.int("n") }
        let flow = try await db.raw("""
            SELECT lc.month, lc.from_stage, lc.to_stage, COUNT(*) AS n FROM lifecycle_changes lc
            JOIN customers c ON c.id = lc.customer_id
            WHERE lc.month >= \(bind: fromMonth) AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            GROUP BY lc.month, lc.from_stage, lc.to_stage ORDER BY lc.month DESC, lc.from_stage, lc.to_stage
            """).all().map { row in
            LifecycleSummary.Flow(month: try row.text("month"), from: try row.optionalEnum("from_stage"),
                                  to: try row.enumValue("to_stage"), count: try row.int("n"))
        }
        return LifecycleSummary(stages: LifecycleStage.allCases.map { .init(stage: $0, count: counts[$0] ?? 0) },
                                flow: flow)
    }
}

extension StoreSession {
    /// Writes stages and their history lines (the set-based recompute). A full first pass writes a
    /// million rows, so each batch travels as one bound JSON array that the database unpacks
    /// (`json_each` on SQLite, `jsonb_array_elements` on PostgreSQL), built without JSONEncoder. All
    /// rows take the first row's time and month (a recompute writes them at one instant).
    func upsertLifecycles(_ rows: [(CustomerLifecycle, LifecycleChange, UUID)]) async throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + 5000)]
            start += 5000
            guard let (_, head, _) = chunk.first else { continue }
            let at = StoredTime.encode(head.at)
            var json = "["
            json.reserveCapacity(chunk.count * 220)
            for (index, (lifecycle, change, id)) in chunk.enumerated() {
                if index > 0 { json += "," }
                json += "[\"" + lifecycle.customerID.description + "\",\"" + lifecycle.stage.rawValue + "\","
                json += StoredJSON.quoted(StoreSession.reasonJSON(lifecycle.reason)) + ","
                json += (change.from.map { "\"" + $0.rawValue + "\"" } ?? "null") + ",\"" + id.lowercaseText + "\"]"
            }
            json += "]"
            let rowsOf: SQLQueryString = kind == .sqlite
                ? "(SELECT value AS x FROM json_each(\(bind: json)))" : "(SELECT jsonb_array_elements(CAST(\(bind: json) AS jsonb)) AS x)"
            try await keepingTallies(.subquery("SELECT r.x ->> 0 FROM \(rowsOf) r")) {
                try await writeLifecycles(rowsOf, month: head.month, at: at)
            }
        }
    }

    private func writeLifecycles(_ rowsOf: SQLQueryString, month: String, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO lifecycle_changes (id, customer_id, from_stage, to_stage, reason, month, at)
            SELECT r.x ->> 4, r.x ->> 0, r.x ->> 3, r.x ->> 1, r.x ->> 2, \(literal: month), \(unsafeRaw: String(at))
            FROM \(rowsOf) r
            """).run()
        try await db.raw("""
            INSERT INTO customer_lifecycle (customer_id, stage, reason, since, computed_at)
            SELECT r.x ->> 0, r.x ->> 1, r.x ->> 2, \(unsafeRaw: String(at)), \(unsafeRaw: String(at)) FROM \(rowsOf) r
            WHERE true ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, reason = excluded.reason,
            since = excluded.since, computed_at = excluded.computed_at
            """).run()
        try await syncStageRanks(of: "SELECT r.x ->> 0 FROM \(rowsOf) r")
    }
}
