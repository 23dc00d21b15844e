import Foundation
import SQLKit

/// The data every signed-in user shares and admins maintain: users and teams, custom field
/// definitions, deal stages, pools and their rules, products and categories, reference files,
/// the audit log. Reached from a user's or a system session; the app layer checks who may change it.
public struct CatalogSession: Sendable {
    let raw: StoreSession

    public var kind: EngineKind { raw.kind }
    var db: any SQLDatabase { raw.db }
}
