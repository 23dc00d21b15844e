import Foundation

/// The orders a customer list can take; a leading `-` in the API means descending.
public enum CustomerSort: String, Sendable, CaseIterable, Codable {
    case name, updatedAt, createdAt
    /// The last logged contact (`Customer` list facts' `lastTouch`); never contacted counts as oldest.
    case lastTouch
    /// The lifecycle stage, in the stages' order (suspect first).
    case stage
}

/// Whether a list shows live records, deleted ones (the trash) or both.
public enum DeletedFilter: String, Sendable, Codable, CaseIterable {
    case exclude, only, include
}

/// Filters, search, order and page position for a customer list.
public struct CustomerQuery: Sendable, Equatable {
    public var search: String?
    public var kind: CustomerKind?
    public var status: CustomerStatus?
    public var ownerID: UserID?
    /// Only customers without an owner.
    public var unowned: Bool
    public var teamID: TeamID?
    public var industry: String?
    public var region: String?
    public var tag: String?
    /// Only customers in this lifecycle stage (customers never computed are suspects).
    public var stage: LifecycleStage?
    public var deleted: DeletedFilter
    public var sort: CustomerSort
    public var descending: Bool
    public var limit: Int
    public var cursor: PageCursor?

    public init(search: String? = nil, kind: CustomerKind? = nil, status: CustomerStatus? = nil, ownerID: UserID? = nil,
                unowned: Bool = false, teamID: TeamID? = nil, industry: String? = nil, region: String? = nil,
                tag: String? = nil, stage: LifecycleStage? = nil, deleted: DeletedFilter = .exclude,
                sort: CustomerSort = .name, descending: Bool = false, limit: Int = 50, cursor: PageCursor? = nil) {
        self.search = search; self.kind = kind; self.status = status; self.ownerID = ownerID; self.unowned = unowned
        self.teamID = teamID; self.industry = industry; self.region = region; self.tag = tag; self.stage = stage
        self.deleted = deleted
        self.sort = sort; self.descending = descending; self.limit = limit; self.cursor = cursor
    }

    public static let maxLimit = 200
}

/// A keyset position: the sort value and the id of the last row of the previous page.
/// Clients see it as an opaque URL-safe token.
public struct PageCursor: Sendable, Equatable {
    public var value: String
    public var id: String

    public init(value: String, id: String) {
        self.value = value
        self.id = id
    }

    /// The opaque form: base64url of `value` + U+001F + `id`.
    public var token: String {
        Data((value + "\u{1F}" + id).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Parses a token; `nil` when it is not one of ours.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count <= 1000, let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        self.value = String(parts[0])
        self.id = String(parts[1])
    }
}
