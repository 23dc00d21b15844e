import Foundation
import RapportCore

/// Which cell goes to which field, decided once from the header row.
struct ImportPlan {
    enum Target: Equatable {
        case column(CustomerColumn)
        case custom(String)
    }

    let targets: [Int: Target]
    let ignored: [String]

    init(header: [String], mapping: [String: String], fields: [CustomFieldDefinition]) throws {
        var targets: [Int: Target] = [:]
        var ignored: [String] = []
        for (index, title) in header.enumerated() {
            let explicit = mapping[title]
            if let explicit, explicit.hasPrefix("custom.") {
                targets[index] = .custom(String(explicit.dropFirst(7)))
            } else if let explicit, let column = CustomerColumn(rawValue: explicit) {
                targets[index] = .column(column)
            } else if explicit != nil {
                throw AppError.invalid([FieldError("mapping.\(title)", .unknown)])
            } else if let column = CustomerColumn.match(title) {
                targets[index] = .column(column)
            } else if let field = fields.first(where: {
                let key = SearchText.normalize(title)
                return [$0.key, $0.labelZh, $0.labelEn, "\($0.labelZh) / \($0.labelEn)"].map(SearchText.normalize).contains(key)
            }) {
                targets[index] = .custom(field.key)
            } else if !title.isEmpty {
                ignored.append(title)
            }
        }
        guard targets.values.contains(.column(.name)) else {
            throw AppError.invalid([FieldError("header", .missingName)])
        }
        self.targets = targets
        self.ignored = ignored
    }

    /// The draft for one row, the custom values, and the cell-level errors found on the way.
    func draft(from row: [String], users: [User]) -> (draft: CustomerDraft, custom: [String: CustomValue], errors: [FieldError]) {
        var draft = CustomerDraft()
        var custom: [String: CustomValue] = [:]
        var errors: [FieldError] = []
        var profile: [String: String] = [:]
        for (index, target) in targets {
            let cell = index < row.count ? row[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            switch target {
            case .custom(let key):
                if !cell.isEmpty { custom[key] = .text(cell) }
            case .column(let column):
                apply(column, cell, to: &draft, profile: &profile, users: users, errors: &errors)
            }
        }
        if !profile.isEmpty { draft.profile = profile }
        if draft.kind == nil { draft.kind = .enterprise }
        return (draft, custom, errors)
    }

    private func apply(_ column: CustomerColumn, _ cell: String, to draft: inout CustomerDraft,
                       profile: inout [String: String], users: [User], errors: inout [FieldError]) {
        switch column {
        case .id, .createdAt, .updatedAt: break
        case .name: draft.name = cell
        case .kind:
            if cell.isEmpty { break }
            if let kind = ImportVocabulary.lookup(ImportVocabulary.kinds, cell) { draft.kind = kind } else { errors.append(FieldError("kind", .notAnOption)) }
        case .size:
            if cell.isEmpty { break }
            if let size = ImportVocabulary.lookup(ImportVocabulary.sizes, cell) { draft.size = .some(size) } else { errors.append(FieldError("size", .notAnOption)) }
        case .status:
            if cell.isEmpty { break }
            if let status = ImportVocabulary.lookup(ImportVocabulary.statuses, cell) { draft.status = status } else { errors.append(FieldError("status", .notAnOption)) }
        case .owner:
            if cell.isEmpty { break }
            if let user = users.first(where: { $0.username == cell || $0.displayName == cell }) { draft.ownerID = user.id } else { errors.append(FieldError("owner", .unknown)) }
        case .industry: draft.industry = cell
        case .region: draft.region = cell
        case .source: draft.source = cell
        case .tags: draft.tags = cell.split(whereSeparator: { ";；,，".contains($0) }).map(String.init)
        case .phone: draft.phone = cell
        case .email: draft.email = cell
        case .registrationNumber: draft.registrationNumber = cell
        case .website: draft.website = cell
        case .address: draft.address = cell
        case .needs, .buyingBehaviour, .organisation, .competitors, .businessEnvironment, .credit, .importantDates:
            if !cell.isEmpty { profile[column.rawValue] = cell }
        }
    }
}
