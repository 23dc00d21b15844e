import Foundation
import RapportCore
import SQLKit

/// One kind of row that points at a customer or key person: `column` of `table`, rows named by `key`.
struct MoveSpec: Sendable {
    let table: String
    let key: String
    let column: String
    /// Extra condition on the rows that move (`$S` = the survivor's id, `$M` = the merged one's).
    let condition: String

    init(_ table: String, _ column: String, key: String = "id", where condition: String = "") {
        self.table = table; self.key = key; self.column = column; self.condition = condition
    }

    var name: String { table + "." + column }
}

extension StoreSession {
    /// Every row that references a customer, except the one-per-customer rows handled apart.
    static let customerMoves: [MoveSpec] = [
        "contacts", "activities", "notes", "commitments", "care_dates", "customer_results", "handovers", "notifications",
        "orders", "payment_instalments", "subscriptions", "winback_attempts", "deals", "lifecycle_facts",
        "lifecycle_changes", "pool_events",
    ].map { MoveSpec($0, "customer_id") } + [
        MoveSpec("personalities", "customer_id", key: "subject_id", where: "contact_id IS NOT NULL"),
        // Never a self-referral; a customer keeps the one referral naming it.
        MoveSpec("referrals", "subject_id", where: """
            subject_kind = 'customer' AND referrer_customer_id <> $S
            AND NOT EXISTS (SELECT 1 FROM referrals r2 WHERE r2.subject_kind = 'customer' AND r2.subject_id = $S)
            """),
        MoveSpec("referrals", "referrer_customer_id", where: "NOT (subject_kind = 'customer' AND subject_id = $S)"),
        // One row per customer: the survivor keeps its own when it has one.
        MoveSpec("customer_situations", "customer_id", key: "customer_id",
                 where: "NOT EXISTS (SELECT 1 FROM customer_situations x WHERE x.customer_id = $S)"),
        MoveSpec("qualifications", "customer_id", key: "customer_id",
                 where: "NOT EXISTS (SELECT 1 FROM qualifications x WHERE x.customer_id = $S)"),
        MoveSpec("customer_pool", "customer_id", key: "customer_id",
                 where: "NOT EXISTS (SELECT 1 FROM customer_pool x WHERE x.customer_id = $S)"),
    ]

    /// Columns naming a customer or key person that the move lists above leave alone, and why.
    /// `MergeCoverageTests` reads the schema and fails on a column in neither list.
    static let mergedApart: [String: String] = [
        "personalities.subject_id": "the record's own profile: moved by moveReferences when the survivor has none",
        "personalities.contact_id": "moves with the key person's own profile (subject_id) in a contact merge",
        "customer_lifecycle.customer_id": "one row per customer: recomputed for the survivor after the merge, "
            + "the merged one's row is kept in the merge record and put back by undo",
        "notifications.subject_id": "the notice's de-duplication key (a promise, an event, customer/version), not a reference; "
            + "notices move by customer_id",
    ]

    /// The personality rows that are a record's own profile: a customer's has no key person.
    static func ownProfile(_ kind: MergeKind) -> String {
        kind == .customer ? "contact_id IS NULL" : "contact_id IS NOT NULL"
    }

    /// The column of a personality row that names the record of `kind`.
    static func profileColumn(_ kind: MergeKind) -> String {
        kind == .customer ? "customer_id" : "contact_id"
    }

    /// Every row that references a key person.
    static let contactMoves: [MoveSpec] = [
        MoveSpec("activities", "contact_id"), MoveSpec("commitments", "contact_id"), MoveSpec("care_dates", "contact_id"),
        MoveSpec("contacts", "reports_to_id", where: "id <> $S"),
        MoveSpec("referrals", "referrer_contact_id"),
        MoveSpec("referrals", "subject_id", where: """
            subject_kind = 'contact'
            AND NOT EXISTS (SELECT 1 FROM referrals r2 WHERE r2.subject_kind = 'contact' AND r2.subject_id = $S)
            """),
        MoveSpec("deal_contacts", "contact_id", key: "deal_id",
                 where: "NOT EXISTS (SELECT 1 FROM deal_contacts x WHERE x.contact_id = $S AND x.deal_id = deal_contacts.deal_id)"),
    ]

    private static func condition(_ spec: MoveSpec, survivor: String, merged: String) -> SQLQueryString {
        guard !spec.condition.isEmpty else { return "" }
        var out: SQLQueryString = " AND "
        var rest = Substring(spec.condition)
        while let range = rest.range(of: "$S") ?? rest.range(of: "$M") {
            let token = rest[range]
            out += "\(unsafeRaw: String(rest[..<range.lowerBound]))"
            out += token == "$S" ? "\(bind: survivor)" : "\(bind: merged)"
            rest = rest[range.upperBound...]
        }
        out += "\(unsafeRaw: String(rest))"
        return out
    }

    /// How many rows of each table would move from `merged` to `survivor` (the merge page's summary).
    func movableCounts(kind: MergeKind, survivor: UUID, merged: UUID) async throws -> [String: Int] {
        let s = survivor.uuidString.lowercased(), m = merged.uuidString.lowercased()
        var counts: [String: Int] = [:]
        for spec in kind == .customer ? Self.customerMoves : Self.contactMoves {
            let row = try await db.raw("""
                SELECT COUNT(*) AS n FROM \(ident: spec.table) WHERE \(ident: spec.column) = \(bind: m)
                """ + Self.condition(spec, survivor: s, merged: m)).first()
            let n = try row?.int("n") ?? 0
            if n > 0 { counts[spec.table, default: 0] += n }
        }
        if try await db.raw("""
            SELECT subject_id FROM personalities WHERE subject_id = \(bind: m) AND \(unsafeRaw: Self.ownProfile(kind))
            AND NOT EXISTS (SELECT 1 FROM personalities p WHERE p.subject_id = \(bind: s))
            """).first() != nil {
            counts["personalities", default: 0] += 1
        }
        return counts
    }

    /// Points every row that references `merged` at `survivor`; returns the moved keys per `table.column`.
    func moveReferences(kind: MergeKind, from merged: UUID, to survivor: UUID) async throws -> [String: [String]] {
        // Stage moves and the merged customer's liveness follow: the tallies move with them.
        try await keepingTallies(.ids(kind == .customer ? [CustomerID(merged), CustomerID(survivor)] : [])) {
            try await moveReferenceRows(kind: kind, from: merged, to: survivor)
        }
    }

    private func moveReferenceRows(kind: MergeKind, from merged: UUID, to survivor: UUID) async throws -> [String: [String]] {
        let s = survivor.uuidString.lowercased(), m = merged.uuidString.lowercased()
        var moved: [String: [String]] = [:]
        for spec in kind == .customer ? Self.customerMoves : Self.contactMoves {
            let rows = try await db.raw("""
                UPDATE \(ident: spec.table) SET \(ident: spec.column) = \(bind: s) WHERE \(ident: spec.column) = \(bind: m)
                """ + Self.condition(spec, survivor: s, merged: m) + " RETURNING \(ident: spec.key) AS k").all()
            let keys = try rows.map { try $0.text("k") }
            if !keys.isEmpty { moved[spec.name, default: []] += keys }
        }
        // The record's own personality profile moves only when the survivor has none.
        let rows = try await db.raw("""
            UPDATE personalities SET subject_id = \(bind: s), \(ident: Self.profileColumn(kind)) = \(bind: s)
            WHERE subject_id = \(bind: m) AND \(unsafeRaw: Self.ownProfile(kind))
            AND NOT EXISTS (SELECT 1 FROM personalities p WHERE p.subject_id = \(bind: s)) RETURNING subject_id
            """).all()
        if !rows.isEmpty { moved["personalities.subject_id"] = [m] }
        return moved
    }

    /// Points exactly the rows a merge moved back at the merged record.
    func moveReferencesBack(kind: MergeKind, _ moved: [String: [String]], merged: UUID, survivor: UUID) async throws {
        try await keepingTallies(.ids(kind == .customer ? [CustomerID(merged), CustomerID(survivor)] : [])) {
            try await moveReferenceRowsBack(kind: kind, moved, merged: merged, survivor: survivor)
        }
    }

    private func moveReferenceRowsBack(kind: MergeKind, _ moved: [String: [String]], merged: UUID, survivor: UUID) async throws {
        let s = survivor.uuidString.lowercased(), m = merged.uuidString.lowercased()
        if moved["personalities.subject_id"] != nil {
            try await db.raw("""
                UPDATE personalities SET subject_id = \(bind: m), \(ident: Self.profileColumn(kind)) = \(bind: m)
                WHERE subject_id = \(bind: s) AND \(unsafeRaw: Self.ownProfile(kind))
                """).run()
        }
        for spec in kind == .customer ? Self.customerMoves : Self.contactMoves {
            guard let keys = moved[spec.name], !keys.isEmpty else { continue }
            if spec.key == spec.column {
                try await db.raw("""
                    UPDATE \(ident: spec.table) SET \(ident: spec.column) = \(bind: m) WHERE \(ident: spec.column) = \(bind: s)
                    """).run()
                continue
            }
            var start = 0
            while start < keys.count {
                let chunk = Array(keys[start..<min(keys.count, start + 500)])
                try await db.raw("""
                    UPDATE \(ident: spec.table) SET \(ident: spec.column) = \(bind: m)
                    WHERE \(ident: spec.column) = \(bind: s) AND \(ident: spec.key) IN (\(binds: chunk))
                    """).run()
                start += 500
            }
        }
    }

    /// The merged customer's lifecycle row as text (kept in the merge record), deleted.
    func takeLifecycleRow(of customer: CustomerID) async throws -> [String: String]? {
        guard let row = try await db.raw("""
            SELECT stage, reason, since, computed_at FROM customer_lifecycle WHERE customer_id = \(bind: customer.description)
            """).first() else { return nil }
        let saved = ["stage": try row.text("stage"), "reason": try row.text("reason"),
                     "since": String(try row.int("since")), "computed_at": String(try row.int("computed_at"))]
        try await keepingTallies(.ids([customer])) {
            try await db.raw("DELETE FROM customer_lifecycle WHERE customer_id = \(bind: customer.description)").run()
            try await syncStageRanks(of: "\(bind: customer.description)")
        }
        return saved
    }

    /// Puts a lifecycle row taken by `takeLifecycleRow` back.
    func restoreLifecycleRow(of customer: CustomerID, _ saved: [String: String]) async throws {
        guard let stage = saved["stage"], let since = saved["since"].flatMap(Int64.init),
              let computed = saved["computed_at"].flatMap(Int64.init) else { return }
        try await keepingTallies(.ids([customer])) {
            try await db.raw("DELETE FROM customer_lifecycle WHERE customer_id = \(bind: customer.description)").run()
            try await db.raw("""
                INSERT INTO customer_lifecycle (customer_id, stage, reason, since, computed_at) VALUES
                (\(bind: customer.description), \(bind: stage), \(bind: saved["reason"] ?? ""), \(bind: since), \(bind: computed))
                """).run()
            try await syncStageRanks(of: "\(bind: customer.description)")
        }
    }

    func insertMerge(_ m: Merge, survivorBefore: String, mergedBefore: String) async throws {
        try await db.raw("""
            INSERT INTO merges (id, kind, survivor_id, merged_id, survivor_before, merged_before, moved, merged_by, merged_at,
            undone_at, undone_by) VALUES (\(bind: m.id.description), \(bind: m.kind.rawValue),
            \(bind: m.survivorID.uuidString.lowercased()), \(bind: m.mergedID.uuidString.lowercased()),
            \(bind: survivorBefore), \(bind: mergedBefore), \(bind: try StoredJSON.encode(m.moved)),
            \(bind: m.mergedBy?.description), \(bind: StoredTime.encode(m.mergedAt)), NULL, NULL)
            """).run()
    }

    /// A merge with the two snapshots taken before it.
    func merge(_ id: MergeID) async throws -> (merge: Merge, survivorBefore: String, mergedBefore: String)? {
        guard let row = try await db.raw("SELECT * FROM merges WHERE id = \(bind: id.description)").first() else { return nil }
        guard let survivor = UUID(uuidString: try row.text("survivor_id")), let merged = UUID(uuidString: try row.text("merged_id"))
        else { throw StoreError.corruptRow("merges.survivor_id") }
        let merge = Merge(id: try row.id("id"), kind: try row.enumValue("kind"), survivorID: survivor, mergedID: merged,
                          moved: try StoredJSON.decode([String: [String]].self, try row.text("moved"), column: "moved"),
                          mergedBy: try row.optionalID("merged_by"), mergedAt: try row.date("merged_at"),
                          undoneAt: try row.optionalDate("undone_at"), undoneBy: try row.optionalID("undone_by"))
        return (merge, try row.text("survivor_before"), try row.text("merged_before"))
    }

    /// Marks a merge undone unless it already was; `true` when this call did it.
    func markMergeUndone(_ id: MergeID, by user: UserID, at: Date) async throws -> Bool {
        !(try await db.raw("""
            UPDATE merges SET undone_at = \(bind: StoredTime.encode(at)), undone_by = \(bind: user.description)
            WHERE id = \(bind: id.description) AND undone_at IS NULL RETURNING id
            """).all()).isEmpty
    }
}

/// Merging two customers (or two key persons of one customer) and undoing it: both records must be
/// reachable through the scope, checked again inside the merge's transaction.
extension ScopedSession {
    /// Both records of a merge, if the scope reaches them (`notFound` otherwise).
    func requireMergeRecords(_ kind: MergeKind, survivor: UUID, merged: UUID) async throws {
        switch kind {
        case .customer:
            try await requireCustomer(CustomerID(survivor), live: false)
            try await requireCustomer(CustomerID(merged), live: false)
        case .contact:
            guard try await record(Contact.self, ContactID(survivor)) != nil,
                  try await record(Contact.self, ContactID(merged)) != nil else { throw StoreError.notFound }
        }
    }

    /// How many rows of each table would move from `merged` to `survivor` (the merge page's summary).
    public func movableCounts(kind: MergeKind, survivor: UUID, merged: UUID) async throws -> [String: Int] {
        try await requireMergeRecords(kind, survivor: survivor, merged: merged)
        return try await raw.movableCounts(kind: kind, survivor: survivor, merged: merged)
    }

    /// Points every row that references `merged` at `survivor`; returns the moved keys per `table.column`.
    public func moveReferences(kind: MergeKind, from merged: UUID, to survivor: UUID) async throws -> [String: [String]] {
        try await requireMergeRecords(kind, survivor: survivor, merged: merged)
        return try await raw.moveReferences(kind: kind, from: merged, to: survivor)
    }

    /// Points exactly the rows a merge moved back at the merged record.
    public func moveReferencesBack(kind: MergeKind, _ moved: [String: [String]], merged: UUID, survivor: UUID) async throws {
        try await requireMergeRecords(kind, survivor: survivor, merged: merged)
        try await raw.moveReferencesBack(kind: kind, moved, merged: merged, survivor: survivor)
    }

    /// A visible merged customer's lifecycle row as text (kept in the merge record), deleted.
    public func takeLifecycleRow(of customer: CustomerID) async throws -> [String: String]? {
        try await requireCustomer(customer, live: false)
        return try await raw.takeLifecycleRow(of: customer)
    }

    /// Puts a lifecycle row taken by `takeLifecycleRow` back (the customer must be visible).
    public func restoreLifecycleRow(of customer: CustomerID, _ saved: [String: String]) async throws {
        try await requireCustomer(customer, live: false)
        try await raw.restoreLifecycleRow(of: customer, saved)
    }

    /// Records a merge of two visible records with the snapshots taken before it.
    public func insertMerge(_ m: Merge, survivorBefore: String, mergedBefore: String) async throws {
        try await requireMergeRecords(m.kind, survivor: m.survivorID, merged: m.mergedID)
        try await raw.insertMerge(m, survivorBefore: survivorBefore, mergedBefore: mergedBefore)
    }

    /// A merge whose surviving record the scope reaches, with the two snapshots taken before it.
    public func merge(_ id: MergeID) async throws -> (merge: Merge, survivorBefore: String, mergedBefore: String)? {
        guard let found = try await raw.merge(id) else { return nil }
        switch found.merge.kind {
        case .customer: guard try await customer(CustomerID(found.merge.survivorID)) != nil else { return nil }
        case .contact: guard try await record(Contact.self, ContactID(found.merge.survivorID)) != nil else { return nil }
        }
        return found
    }

    /// Marks a merge of visible records undone unless it already was; `true` when this call did it.
    public func markMergeUndone(_ id: MergeID, by user: UserID, at: Date) async throws -> Bool {
        guard try await merge(id) != nil else { throw StoreError.notFound }
        return try await raw.markMergeUndone(id, by: user, at: at)
    }
}
