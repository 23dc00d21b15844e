import Foundation
import RapportCore
import RapportFiles
import RapportStore

extension Transfers {
    /// Every live customer the acting user may see, as a table with bilingual headers
    /// (the import reads it back unchanged). Custom fields follow the fixed columns.
    public func exportCustomers(_ acting: Acting, query: CustomerQuery = .init()) async throws -> Table {
        let fields = try await deps.read(acting) { try await $0.catalog.fields(object: .customer) }
        let users = Dictionary(uniqueKeysWithValues: try await deps.read(acting) { try await $0.catalog.users() }.map { ($0.id, $0.username) })
        let columns = CustomerColumn.allCases
        let header = columns.map(\.exportHeader) + fields.map { "\($0.labelZh) / \($0.labelEn)" }
        var rows: [[String]] = []
        var page = query
        page.limit = CustomerQuery.maxLimit
        page.cursor = nil
        let iso = ISO8601DateFormatter()
        while true {
            let result = try await Customers(deps: deps).list(acting, page)
            for c in result.items {
                var row: [String] = columns.map { column in
                    switch column {
                    case .id: c.id.description
                    case .name: c.name
                    case .kind: c.kind.rawValue
                    case .size: c.size?.rawValue ?? ""
                    case .industry: c.industry
                    case .region: c.region
                    case .source: c.source
                    case .owner: c.ownerID.flatMap { users[$0] } ?? ""
                    case .tags: c.tags.joined(separator: "; ")
                    case .status: c.status.rawValue
                    case .phone: c.phone
                    case .email: c.email
                    case .registrationNumber: c.registrationNumber
                    case .website: c.website
                    case .address: c.address
                    case .needs, .buyingBehaviour, .organisation, .competitors, .businessEnvironment, .credit, .importantDates:
                        c.profile[section: column.rawValue]
                    case .createdAt: iso.string(from: c.createdAt)
                    case .updatedAt: iso.string(from: c.updatedAt)
                    }
                }
                row += fields.map { c.custom[$0.key]?.displayText ?? "" }
                rows.append(row)
            }
            guard let next = result.nextCursor, let cursor = PageCursor(token: next) else { break }
            page.cursor = cursor
        }
        return Table(header: header, rows: rows)
    }
}
