import Foundation
import RapportApp
import RapportCore

/// The order part of a customer's page (rendered by customer_section_order.mustache).
struct OrderSection {
    let env: PageEnvironment

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        nil
    }
}
