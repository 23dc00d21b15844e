import Foundation
import RapportApp
import RapportCore

/// The pool part of a customer's page (rendered by customer_section_pool.mustache).
struct PoolSection {
    let env: PageEnvironment

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        nil
    }
}
