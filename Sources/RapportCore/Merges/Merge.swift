import Foundation

public typealias MergeID = Identifier<Merge>

/// What was merged: two customers or two key persons of one customer.
public enum MergeKind: String, Sendable, Codable, CaseIterable {
    case customer, contact
}

/// Whose value a merged record keeps for one field.
public enum MergeChoice: String, Sendable, Codable, CaseIterable {
    case survivor, merged
    /// Both lists together (tags only).
    case union
}

/// One merge of a duplicate into the record that survives it, with what moved, so it can be undone.
public struct Merge: Sendable, Codable, Equatable, Identifiable {
    public var id: MergeID
    public var kind: MergeKind
    public var survivorID: UUID
    public var mergedID: UUID
    /// Moved rows: `table.column` → the keys of the rows whose column now names the survivor.
    public var moved: [String: [String]]
    public var mergedBy: UserID?
    public var mergedAt: Date
    public var undoneAt: Date?
    public var undoneBy: UserID?

    public init(id: MergeID, kind: MergeKind, survivorID: UUID, mergedID: UUID, moved: [String: [String]],
                mergedBy: UserID?, mergedAt: Date, undoneAt: Date? = nil, undoneBy: UserID? = nil) {
        self.id = id; self.kind = kind; self.survivorID = survivorID; self.mergedID = mergedID; self.moved = moved
        self.mergedBy = mergedBy; self.mergedAt = mergedAt; self.undoneAt = undoneAt; self.undoneBy = undoneBy
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, survivorID, mergedID, moved, mergedBy, mergedAt, undoneAt, undoneBy
    }

    /// Ids are written as lowercase UUID text like every other id.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(survivorID.uuidString.lowercased(), forKey: .survivorID)
        try c.encode(mergedID.uuidString.lowercased(), forKey: .mergedID)
        try c.encode(moved, forKey: .moved)
        try c.encodeIfPresent(mergedBy, forKey: .mergedBy)
        try c.encode(mergedAt, forKey: .mergedAt)
        try c.encodeIfPresent(undoneAt, forKey: .undoneAt)
        try c.encodeIfPresent(undoneBy, forKey: .undoneBy)
    }

    /// How many rows moved per table.
    public var movedCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for (key, rows) in moved {
            let table = String(key.split(separator: ".").first ?? Substring(key))
            counts[table, default: 0] += rows.count
        }
        return counts
    }
}

/// Field-by-field choice between two records of the same type, done on their JSON form so every
/// field of the record type can be chosen without listing it twice.
public enum MergeFields {
    /// The customer fields a merge may take from the merged record (profile sections as
    /// `profile.<section>`, custom fields as `custom.<key>`).
    public static let customer = ["name", "kind", "size", "industry", "region", "source", "ownerID", "tags", "status",
                                  "phone", "email", "registrationNumber", "website", "address"]
    public static let contact = ["name", "department", "title", "phone", "fax", "email", "wechat", "qq", "interests",
                                 "supplierExpectations", "painPoints", "influence", "involvement", "relationshipWithUs",
                                 "relationshipWithCompetitors", "relationshipOwnerID", "isCoach", "reportsToID"]

    /// Checks the field names: plain fields from `allowed`, `profile.<section>` and `custom.<key>`
    /// when `nested` allows them; `union` only for array fields.
    public static func validate(_ choices: [String: MergeChoice], allowed: [String], nested: Set<String>,
                                arrays: Set<String>) throws(ValidationFailed) {
        var v = Validator()
        for (field, choice) in choices.sorted(by: { $0.key < $1.key }) {
            let head = field.split(separator: ".", maxSplits: 1).first.map(String.init) ?? field
            let known = allowed.contains(field) || (field.contains(".") && nested.contains(head))
            if !known { v.add("choices", .unknown, detail: field) }
            if choice == .union && !arrays.contains(field) { v.add("choices", .invalid, detail: field) }
        }
        try v.check()
    }

    /// `survivor` with the chosen fields taken from `merged` (arrays united for `union`).
    public static func combine<T: Codable>(survivor: T, merged: T, choices: [String: MergeChoice]) throws -> T {
        guard var target = try JSONSerialization.jsonObject(with: JSONEncoder().encode(survivor)) as? [String: Any],
              let source = try JSONSerialization.jsonObject(with: JSONEncoder().encode(merged)) as? [String: Any] else {
            throw ValidationFailed(errors: [FieldError("choices", .invalid)])
        }
        for (field, choice) in choices where choice != .survivor {
            let path = field.split(separator: ".", maxSplits: 1).map(String.init)
            if path.count == 2 {
                var inner = target[path[0]] as? [String: Any] ?? [:]
                let from = source[path[0]] as? [String: Any] ?? [:]
                inner[path[1]] = from[path[1]] ?? NSNull()
                if from[path[1]] == nil { inner.removeValue(forKey: path[1]) }
                target[path[0]] = inner
            } else if choice == .union {
                let mine = target[field] as? [Any] ?? [], theirs = source[field] as? [Any] ?? []
                var seen = Set<String>()
                target[field] = (mine + theirs).filter { seen.insert(String(describing: $0)).inserted }
            } else {
                target[field] = source[field] ?? NSNull()
                if source[field] == nil { target.removeValue(forKey: field) }
            }
        }
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: target))
    }

    /// The plain fields (and profile / custom entries) whose values differ between the two records.
    public static func differing<T: Codable>(_ a: T, _ b: T, fields: [String], nested: [String]) throws -> [String] {
        guard let left = try JSONSerialization.jsonObject(with: JSONEncoder().encode(a)) as? [String: Any],
              let right = try JSONSerialization.jsonObject(with: JSONEncoder().encode(b)) as? [String: Any] else { return [] }
        func same(_ x: Any?, _ y: Any?) -> Bool {
            String(describing: x ?? NSNull()) == String(describing: y ?? NSNull())
        }
        var out = fields.filter { !same(left[$0], right[$0]) }
        for head in nested {
            let l = left[head] as? [String: Any] ?? [:], r = right[head] as? [String: Any] ?? [:]
            for key in Set(l.keys).union(r.keys).sorted() where !same(l[key], r[key]) {
                let lv = l[key].map { String(describing: $0) } ?? "", rv = r[key].map { String(describing: $0) } ?? ""
                if lv.isEmpty && rv.isEmpty { continue }
                out.append(head + "." + key)
            }
        }
        return out
    }
}
