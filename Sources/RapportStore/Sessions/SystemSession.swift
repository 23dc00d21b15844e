import Foundation
import RapportCore
import SQLKit

/// Why a piece of work runs without a user's scope: background jobs, sign-in (before a user is
/// known), the command line's admin commands, the benchmark loader. Every `Store.system` call names
/// one, so each bypass is found by searching for `store.system` and reviewed.
public struct SystemPurpose: Sendable, Equatable, CustomStringConvertible {
    public let description: String

    /// A scheduled or manually started background job.
    public static func job(_ name: String) -> SystemPurpose { SystemPurpose(description: "job:" + name) }
    /// Signing in, sessions and tokens: who the user is is not known yet.
    public static let authentication = SystemPurpose(description: "authentication")
    /// A command-line admin command (`rapport user …`, `demo`, `backup`…).
    public static func command(_ name: String) -> SystemPurpose { SystemPurpose(description: "command:" + name) }
    /// Health checks and schema work.
    public static let operations = SystemPurpose(description: "operations")
}

/// Queries without a user's scope, for the work a `SystemPurpose` names.
public struct SystemSession: Sendable {
    let raw: StoreSession
    public let purpose: SystemPurpose

    public var kind: EngineKind { raw.kind }
    var db: any SQLDatabase { raw.db }

    /// Users, teams, settings and the catalogue.
    public var catalog: CatalogSession { CatalogSession(raw: raw) }

    /// The queries of a user's session over every customer, for code that users and jobs share
    /// (refreshing a customer's stage, writing notices). Using it is a reviewed bypass.
    public var unrestricted: ScopedSession { ScopedSession(raw: raw, scope: .all, actorID: nil) }
}
