import Foundation
import HummingbirdBcrypt
import Logging
import RapportCore
import RapportStore

/// The application: one value per feature (`customers`, `contacts`, `activities`…), each holding that
/// feature's use cases. Every use case that touches customer data takes an `Acting` user and runs in
/// a session of the store limited to that user's scope; background work uses the store's explicit
/// system session. The store itself is not reachable from outside this module.
public struct Rapport: Sendable {
    let deps: Dependencies

    public init(store: Store, env: RapportCore.Environment, logger: Logger, bcryptCost: UInt8 = 12,
                sessionLifetime: TimeInterval = 12 * 3600) {
        deps = Dependencies(store: store, env: env, logger: logger, bcryptCost: bcryptCost, sessionLifetime: sessionLifetime,
                            reference: ReferenceLibrary(store: store))
    }

    init(deps: Dependencies) {
        self.deps = deps
    }

    /// The injected clock and id generator.
    public var env: RapportCore.Environment { deps.env }
    /// How long a browser session lives.
    public var sessionLifetime: TimeInterval { deps.sessionLifetime }

    /// The user's calendar day now, in their own time zone (UTC when the zone is unknown).
    public func today(for user: User) -> CalendarDate { deps.today(for: user) }

    /// The acting context for a user: decides what they may see once.
    public func acting(_ user: User) async throws -> Acting {
        let managed = user.role == .manager
            ? try await deps.systemRead(.authentication) { try await $0.catalog.teamsManaged(by: user.id) } : []
        return Acting(user: user, viewer: Viewer.of(user, managedTeams: managed))
    }

    // MARK: Features

    public var accounts: Accounts { Accounts(deps: deps) }
    public var teams: Teams { Teams(deps: deps) }
    public var auth: Authentication { Authentication(deps: deps) }
    public var customers: Customers { Customers(deps: deps) }
    public var savedViews: SavedViews { SavedViews(deps: deps) }
    public var contacts: Contacts { Contacts(deps: deps) }
    public var activities: Activities { Activities(deps: deps) }
    public var notes: Notes { Notes(deps: deps) }
    public var customFields: CustomFields { CustomFields(deps: deps) }
    public var handovers: Handovers { Handovers(deps: deps) }
    public var transfers: Transfers { Transfers(deps: deps) }
    public var commitments: Commitments { Commitments(deps: deps) }
    public var careDates: CareDates { CareDates(deps: deps) }
    public var personalities: Personalities { Personalities(deps: deps) }
    public var situations: Situations { Situations(deps: deps) }
    public var agenda: DailyAgenda { DailyAgenda(deps: deps) }
    public var notices: Notices { Notices(deps: deps) }
    public var tone: Tone { Tone(deps: deps) }
    public var referenceData: ReferenceData { ReferenceData(deps: deps) }
    public var lifecycles: Lifecycles { Lifecycles(deps: deps) }
    public var qualifications: Qualifications { Qualifications(deps: deps) }
    public var referrals: Referrals { Referrals(deps: deps) }
    public var deals: Deals { Deals(deps: deps) }
    public var dealStages: DealStages { DealStages(deps: deps) }
    public var pipeline: Pipeline { Pipeline(deps: deps) }
    public var products: Products { Products(deps: deps) }
    public var orders: Orders { Orders(deps: deps) }
    public var payments: Payments { Payments(deps: deps) }
    public var subscriptions: Subscriptions { Subscriptions(deps: deps) }
    public var winback: Winback { Winback(deps: deps) }
    public var pools: Pools { Pools(deps: deps) }
    public var merges: Merges { Merges(deps: deps) }
    /// Health, shutdown and the directory for admin commands.
    public var operations: Operations { Operations(deps: deps) }
    /// The work that runs on a schedule, on the store's system session.
    public var background: BackgroundWork { BackgroundWork(deps: deps) }
}
