import Foundation
import RapportApp
import RapportCore

/// Finds the referring customer a user typed into a "referred by" form: an id, else the exact
/// name among visible customers, else the only visible match. Refusals are message keys.
struct ReferrerLookup {
    let env: PageEnvironment

    enum Outcome {
        case found(CustomerID)
        case problem(String)
    }

    func customer(_ acting: Acting, typed raw: String, excluding: CustomerID?) async throws -> Outcome {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, typed.count <= 200 else { return .problem("referral.problem.unknown") }
        if let direct = CustomerID(typed) { return .found(direct) }
        let matches = try await env.app.customers.list(acting, CustomerQuery(search: typed, limit: 20)).items
            .filter { $0.id != excluding }
        let exact = matches.filter { $0.name == typed }
        guard let found = exact.count == 1 ? exact.first : (matches.count == 1 ? matches.first : nil) else {
            return .problem(matches.isEmpty ? "referral.problem.unknown" : "referral.problem.ambiguous")
        }
        return .found(found.id)
    }
}
