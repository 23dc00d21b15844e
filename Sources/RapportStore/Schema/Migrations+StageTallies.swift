import Foundation
import RapportCore
import SQLKit

extension Migrations {
    /// Stages kept ahead of time (issue 11): the lifecycle report and the stage order no longer
    /// compute every customer's stage on each request (and the agenda's overdue promises across
    /// teams come in index order).
    ///
    /// - `customers.stage_rank` is the customer's stage as its place in `LifecycleStage.allCases`
    ///   (0: suspect, also for customers never computed). Every write of `customer_lifecycle` sets it,
    ///   so the list sorts and filters by stage on an index.
    /// - `stage_tallies` counts live customers per owner, team and stage; `stage_flow_tallies` counts
    ///   their stage moves per owner, team, month and move. Every store write that changes a
    ///   customer's owner, team, liveness, stage or moves keeps both (`StoreSession.keepingTallies`),
    ///   so the report sums a few hundred rows, whatever the number of customers. An absent owner or
    ///   team, and the "from" of a customer's first move, are stored as '' (key columns are NOT NULL
    ///   so that `ON CONFLICT` finds the row on both engines).
    static let stageTallies = Migration(10, "stage-tallies", both: [
        "ALTER TABLE customers ADD COLUMN stage_rank BIGINT NOT NULL DEFAULT 0",
        "CREATE INDEX customers_stage ON customers (stage_rank, id) WHERE deleted_at IS NULL",
        "CREATE INDEX customers_owner_stage ON customers (owner_id, stage_rank, id) WHERE deleted_at IS NULL",
        // A manager's or admin's agenda lists the oldest overdue promises across teams, in (due, id)
        // order: this index gives that order, so the page reads 50 rows instead of a whole day's.
        "CREATE INDEX commitments_open_due ON commitments (state, due_on, id) WHERE deleted_at IS NULL",
        """
        CREATE TABLE stage_tallies (
            owner_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            stage_rank BIGINT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (owner_id, team_id, stage_rank)
        )
        """,
        """
        CREATE TABLE stage_flow_tallies (
            owner_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            month TEXT NOT NULL,
            from_stage TEXT NOT NULL,
            to_stage TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (owner_id, team_id, month, from_stage, to_stage)
        )
        """,
    ], backfill: { session in
        try await session.backfillStageRanks()
        try await session.rebuildStageTallies()
    })
}

extension StoreSession {
    /// The SQL expression mapping a stage's name to its rank (0 for suspect and anything unknown).
    static func rankOfStage(_ column: String) -> String {
        let cases = LifecycleStage.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ")
        return "CASE \(column) \(cases) ELSE 0 END"
    }

    /// Every customer's `stage_rank` from its stored stage, in one statement.
    func backfillStageRanks() async throws {
        try await syncStageRanks(of: nil)
    }

    /// Copies the stored stage (`customer_lifecycle`) of the customers `ids` yields (an id subquery;
    /// nil for all) onto `customers.stage_rank`: 0 for a customer without one. Every write of
    /// `customer_lifecycle` calls it, so the rank is never set any other way.
    func syncStageRanks(of ids: SQLQueryString?) async throws {
        var sql: SQLQueryString = """
            UPDATE customers SET stage_rank = COALESCE((SELECT \(unsafeRaw: Self.rankOfStage("l.stage"))
              FROM customer_lifecycle l WHERE l.customer_id = customers.id), 0)
            """
        if let ids { sql += " WHERE id IN (\(ids))" }
        try await db.raw(sql).run()
    }

    /// Counts both tallies again from the customers and their moves (the migration, the bench's
    /// raw data, and the full lifecycle recompute as a safety net).
    func rebuildStageTallies() async throws {
        try await db.raw("DELETE FROM stage_tallies").run()
        try await db.raw("DELETE FROM stage_flow_tallies").run()
        try await db.raw("""
            INSERT INTO stage_tallies (owner_id, team_id, stage_rank, n)
            SELECT COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), c.stage_rank, COUNT(*) FROM customers c
            WHERE c.deleted_at IS NULL GROUP BY COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), c.stage_rank
            """).run()
        try await db.raw("""
            INSERT INTO stage_flow_tallies (owner_id, team_id, month, from_stage, to_stage, n)
            SELECT COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), lc.month, COALESCE(lc.from_stage, ''), lc.to_stage, COUNT(*)
            FROM lifecycle_changes lc JOIN customers c ON c.id = lc.customer_id WHERE c.deleted_at IS NULL
            GROUP BY COALESCE(c.owner_id, ''), COALESCE(c.team_id, ''), lc.month, COALESCE(lc.from_stage, ''), lc.to_stage
            """).run()
    }
}
