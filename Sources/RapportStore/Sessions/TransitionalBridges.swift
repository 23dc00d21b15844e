import Foundation
import RapportCore

// Transitional, while the features move to scoped sessions one by one; removed with the last.

extension StoreSession {
    /// Transitional: the catalogue from an unscoped session.
    public var catalog: CatalogSession { CatalogSession(raw: self) }
    /// Transitional: the scoped queries over every customer, for features not moved yet.
    public var unrestricted: ScopedSession { ScopedSession(raw: self, scope: .all, actorID: nil) }
}

extension ScopedSession {
    /// Transitional: the unscoped queries of features not moved yet, in this session's transaction.
    public var legacy: StoreSession { raw }
}
