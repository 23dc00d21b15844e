import Foundation
import Logging
import RapportCore
import RapportStore

/// What every use case needs: the store, the injected clock and ids, the logger, settings and the
/// reference library. Each feature value of `Rapport` holds one.
struct Dependencies: Sendable {
    let store: Store
    let env: RapportCore.Environment
    let logger: Logger
    /// bcrypt cost; tests lower it to keep the suite fast.
    let bcryptCost: UInt8
    /// How long a browser session lives.
    let sessionLifetime: TimeInterval
    /// Guidance, questionnaire, tone rules, holidays and expectation defaults (shipped or edited).
    let reference: ReferenceLibrary
    /// Users and teams, decoded once per change (`directory(_:)`).
    let userDirectory = UserDirectory()

    /// Reads as the acting user: every query of customer data is limited to their scope.
    func read<T: Sendable>(_ acting: Acting, entity: RecordKind = .record,
                           _ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
        try await mapped(entity) { try await store.read(as: acting.viewer, body) }
    }

    /// Writes as the acting user in one transaction, which re-checks their scope for every write.
    func write<T: Sendable>(_ acting: Acting, entity: RecordKind = .record,
                            _ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
        try await mapped(entity) { try await store.write(as: acting.viewer, body) }
    }

    /// Reads without a user's scope for `purpose` (jobs, sign-in, admin commands): a reviewed bypass.
    func systemRead<T: Sendable>(_ purpose: SystemPurpose, _ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
        try await mapped(.record) { try await store.systemRead(purpose, body) }
    }

    /// Writes without a user's scope for `purpose`, in one transaction: a reviewed bypass.
    func systemWrite<T: Sendable>(_ purpose: SystemPurpose, _ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
        try await mapped(.record) { try await store.systemWrite(purpose, body) }
    }

    /// Runs a store call and translates storage failures into app errors.
    func mapped<T>(_ entity: RecordKind, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error {
            case .notFound: throw AppError.notFound(entity: entity)
            case .versionConflict(let current): throw AppError.conflict(currentVersion: current)
            case .uniqueViolation(let field): throw AppError.invalid([FieldError(field, .taken)])
            case .invalidReference(let field): throw AppError.invalid([FieldError(field, .unknown)])
            case .parentDeleted: throw AppError.forbidden(reason: .deleted)
            default: throw error
            }
        } catch let failed as ValidationFailed {
            throw AppError.invalid(failed.errors)
        }
    }

    /// An audit line with before/after as JSON.
    func audit<T: Encodable>(_ actor: UserID?, _ entity: RecordKind, _ id: String, _ action: AuditAction,
                             before: T?, after: T?) throws -> AuditEntry {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        func text(_ value: T?) throws -> String? {
            guard let value else { return nil }
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        return AuditEntry(id: env.newUUID(), at: env.now(), actorID: actor, entity: entity.rawValue, entityID: id,
                          action: action, before: try text(before), after: try text(after))
    }
}
