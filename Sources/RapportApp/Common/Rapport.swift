import Foundation
import HummingbirdBcrypt
import Logging
import RapportCore
import RapportStore

/// The application: every user action is a method here (in the files beside this one), and
/// every read and write of customer data takes an `Acting` user and goes through its scope.
public struct Rapport: Sendable {
    public let store: Store
    public let env: RapportCore.Environment
    public let logger: Logger
    /// bcrypt cost; tests lower it to keep the suite fast.
    public let bcryptCost: UInt8
    /// How long a browser session lives.
    public let sessionLifetime: TimeInterval
    /// Guidance, questionnaire, tone rules, holidays and expectation defaults (shipped or edited).
    public let reference: ReferenceLibrary

    public init(store: Store, env: RapportCore.Environment, logger: Logger, bcryptCost: UInt8 = 12,
                sessionLifetime: TimeInterval = 12 * 3600) {
        self.store = store
        self.env = env
        self.logger = logger
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.reference = ReferenceLibrary(store: store)
    }

    /// The acting context for a user: decides the access scope once.
    public func acting(_ user: User) async throws -> Acting {
        let managed = user.role == .manager ? try await store.read { try await $0.teamsManaged(by: user.id) } : []
        return Acting(user: user, scope: AccessScope.of(user, managedTeams: managed))
    }

    /// Runs a store call and translates storage failures into app errors.
    func mapped<T>(_ entity: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error {
            case .notFound: throw AppError.notFound(entity: entity)
            case .versionConflict(let current): throw AppError.conflict(currentVersion: current)
            case .uniqueViolation(let field): throw AppError.invalid([FieldError(field, "taken")])
            default: throw error
            }
        } catch let failed as ValidationFailed {
            throw AppError.invalid(failed.errors)
        }
    }

    /// An audit line with before/after as JSON.
    func audit<T: Encodable>(_ actor: UserID?, _ entity: String, _ id: String, _ action: AuditAction,
                             before: T?, after: T?) throws -> AuditEntry {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        func text(_ value: T?) throws -> String? {
            guard let value else { return nil }
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        return AuditEntry(id: env.newUUID(), at: env.now(), actorID: actor, entity: entity, entityID: id,
                          action: action, before: try text(before), after: try text(after))
    }
}
