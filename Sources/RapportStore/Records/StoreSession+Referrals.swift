import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeReferral(_ row: any SQLRow) throws -> Referral {
        let raw = try row.text("subject_id")
        guard let subject = UUID(uuidString: raw) else { throw StoreError.corruptRow("subject_id: \(raw)") }
        return Referral(id: try row.id("id"), subjectKind: try row.enumValue("subject_kind"), subjectID: subject,
                        referrerCustomerID: try row.id("referrer_customer_id"),
                        referrerContactID: try row.optionalID("referrer_contact_id"), note: try row.text("note"),
                        recordedBy: try row.optionalID("recorded_by"), recordedAt: try row.date("recorded_at"))
    }

    /// Who referred a customer or a contact; nil when nobody is recorded.
    func referral(_ kind: ReferralSubject, _ subject: UUID) async throws -> Referral? {
        try await db.raw("""
            SELECT id, subject_kind, subject_id, referrer_customer_id, referrer_contact_id, note, recorded_by, recorded_at
            FROM referrals WHERE subject_kind = \(bind: kind.rawValue) AND subject_id = \(bind: subject.uuidString.lowercased())
            """).first().map(Self.decodeReferral)
    }

    /// Sets "referred by" for a subject, replacing an earlier one.
    func saveReferral(_ r: Referral) async throws {
        try await deleteReferral(r.subjectKind, r.subjectID)
        try await db.raw("""
            INSERT INTO referrals (id, subject_kind, subject_id, referrer_customer_id, referrer_contact_id, note,
            recorded_by, recorded_at) VALUES (\(bind: r.id.description), \(bind: r.subjectKind.rawValue),
            \(bind: r.subjectID.uuidString.lowercased()), \(bind: r.referrerCustomerID.description),
            \(bind: r.referrerContactID?.description), \(bind: r.note), \(bind: r.recordedBy?.description),
            \(bind: StoredTime.encode(r.recordedAt)))
            """).run()
    }

    func deleteReferral(_ kind: ReferralSubject, _ subject: UUID) async throws {
        try await db.raw("""
            DELETE FROM referrals WHERE subject_kind = \(bind: kind.rawValue) AND subject_id = \(bind: subject.uuidString.lowercased())
            """).run()
    }

    /// The referrers of a customer, from its own referrer up to the root (stops at a repeat or after `limit`).
    func referrerChain(of customer: CustomerID, limit: Int = 100) async throws -> [CustomerID] {
        var chain: [CustomerID] = []
        var current = customer
        var seen: Set<CustomerID> = [customer]
        while chain.count < limit, let next = try await referral(.customer, current.uuid)?.referrerCustomerID,
              !seen.contains(next) {
            chain.append(next)
            seen.insert(next)
            current = next
        }
        return chain
    }

    /// The customers referred by each of the given customers (subject → referrer pairs).
    func referredCustomers(by referrers: [CustomerID]) async throws -> [(subject: CustomerID, referrer: CustomerID)] {
        var pairs: [(CustomerID, CustomerID)] = []
        var start = 0
        while start < referrers.count {
            let chunk = referrers[start..<min(referrers.count, start + 500)].map(\.description)
            start += 500
            let rows = try await db.raw("""
                SELECT subject_id, referrer_customer_id FROM referrals WHERE subject_kind = 'customer'
                AND referrer_customer_id IN (\(binds: chunk)) ORDER BY recorded_at, id
                """).all()
            for row in rows { pairs.append((try row.id("subject_id"), try row.id("referrer_customer_id"))) }
        }
        return pairs
    }

    /// Names and stages of customers, whatever the scope (the caller hides what the reader may not see).
    func referralNodeInfo(_ ids: [CustomerID]) async throws -> [CustomerID: (name: String, stage: LifecycleStage, ownerID: UserID?, teamID: TeamID?)] {
        var info: [CustomerID: (String, LifecycleStage, UserID?, TeamID?)] = [:]
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + 500)].map(\.description)
            start += 500
            let rows = try await db.raw("""
                SELECT c.id, c.name, c.owner_id, c.team_id, COALESCE(cl.stage, 'suspect') AS stage FROM customers c
                LEFT JOIN customer_lifecycle cl ON cl.customer_id = c.id WHERE c.id IN (\(binds: chunk))
                """).all()
            for row in rows {
                info[try row.id("id")] = (try row.text("name"), try row.enumValue("stage"), try row.optionalID("owner_id"),
                                         try row.optionalID("team_id"))
            }
        }
        return info
    }
}

/// One customer in a referral tree as the viewer may see it: the id, name and stage only when visible.
public struct ReferralTreeNode: Sendable {
    public let customerID: CustomerID?
    public let name: String?
    public let stage: LifecycleStage?
    public let visible: Bool
    public let referred: [ReferralTreeNode]
}

extension ScopedSession {
    /// Who referred a visible customer, or a key person of one; nil when nobody is recorded.
    public func referral(_ kind: ReferralSubject, _ subject: UUID) async throws -> Referral? {
        try await requireReferralSubject(kind, subject, live: false)
        return try await raw.referral(kind, subject)
    }

    /// Sets "referred by" for a visible, live subject, replacing an earlier one; the referrer must be a
    /// visible live customer (and the referring person one of its live key persons).
    public func saveReferral(_ r: Referral) async throws {
        let owner = try await requireReferralSubject(r.subjectKind, r.subjectID, live: true)
        try await check([.customer(r.referrerCustomerID, field: "referrerCustomerID")], customer: owner)
        if let person = r.referrerContactID {
            try await check([.contact(person, field: "referrerContactID")], customer: r.referrerCustomerID)
        }
        try await raw.saveReferral(r)
    }

    /// Clears "referred by" of a visible subject.
    public func deleteReferral(_ kind: ReferralSubject, _ subject: UUID) async throws {
        try await requireReferralSubject(kind, subject, live: false)
        try await raw.deleteReferral(kind, subject)
    }

    /// Whether `customer` is among `referrer`'s referrers, up to the root (to refuse cycles). Only a
    /// yes or no: the chain may pass through customers the viewer does not see.
    public func referrerChain(of referrer: CustomerID, contains customer: CustomerID) async throws -> Bool {
        try await requireCustomer(referrer, live: false)
        return try await raw.referrerChain(of: referrer).contains(customer)
    }

    /// A visible customer's referral tree: its referrers up to the root and everything it brought
    /// (down to `depth` levels and `size` customers). Customers outside the scope are nodes without id,
    /// name or stage ("another rep's customer").
    public func referralTree(of customer: CustomerID, depth: Int, size: Int) async throws
        -> (referredBy: [ReferralTreeNode], root: ReferralTreeNode, referralsMade: Int) {
        try await requireCustomer(customer, live: false)
        let up = try await raw.referrerChain(of: customer)
        var children: [CustomerID: [CustomerID]] = [:]
        var seen: Set<CustomerID> = [customer]
        seen.formUnion(up)
        var level = [customer]
        var levels = 0
        var total = 0
        while !level.isEmpty, levels < depth, total < size {
            var next: [CustomerID] = []
            for (subject, referrer) in try await raw.referredCustomers(by: level) where !seen.contains(subject) {
                seen.insert(subject)
                children[referrer, default: []].append(subject)
                next.append(subject)
                total += 1
            }
            level = next
            levels += 1
        }
        let info = try await raw.referralNodeInfo(Array(seen))
        let scope = self.scope
        func node(_ id: CustomerID, withChildren: Bool) -> ReferralTreeNode {
            let entry = info[id]
            let visible = entry.map { scope.contains(owner: $0.ownerID, team: $0.teamID) } ?? false
            let referred = withChildren ? (children[id] ?? []).map { node($0, withChildren: true) } : []
            return ReferralTreeNode(customerID: visible ? id : nil, name: visible ? entry?.name : nil,
                                    stage: visible ? entry?.stage : nil, visible: visible, referred: referred)
        }
        return (up.map { node($0, withChildren: false) }, node(customer, withChildren: true), children[customer]?.count ?? 0)
    }

    /// The customer a referral subject belongs to, if visible (`notFound` otherwise).
    @discardableResult
    private func requireReferralSubject(_ kind: ReferralSubject, _ subject: UUID, live: Bool) async throws -> CustomerID {
        switch kind {
        case .customer:
            return try await requireCustomer(CustomerID(subject), live: live).id
        case .contact:
            guard let person = try await record(Contact.self, ContactID(subject)) else { throw StoreError.notFound }
            if live, person.deletedAt != nil { throw StoreError.parentDeleted }
            try await requireCustomer(person.customerID, live: live)
            return person.customerID
        }
    }
}
