import Foundation

/// Why a customer is in its stage: a stable code and its arguments, rendered in the reader's
/// language by the page ("2 orders since 2025-03-01", "referred 3 customers"). Stored as JSON.
public struct LifecycleReason: Sendable, Codable, Equatable {
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// args: kind, evidence
        case partnership
        /// args: referrals, orders
        case referrals
        /// args: evidence, orders, since
        case exclusive
        /// args: orders, since, years
        case longTerm
        /// args: orders, since
        case repeatOrders
        /// args: on
        case firstOrder
        /// args: deals
        case openDeals
        /// no args
        case qualified
        /// no args
        case noFacts
    }

    public var code: Code
    public var args: [String: String]

    public init(_ code: Code, _ args: [String: String] = [:]) {
        self.code = code
        self.args = args
    }

    /// The argument names each code's text uses, in placeholder order ({0}, {1}, ...).
    public var orderedArguments: [String] {
        let names: [String] = switch code {
        case .partnership: ["kind", "evidence"]
        case .referrals: ["referrals", "orders"]
        case .exclusive: ["evidence", "orders", "since"]
        case .longTerm: ["orders", "since", "years"]
        case .repeatOrders: ["orders", "since"]
        case .firstOrder: ["on"]
        case .openDeals: ["deals"]
        case .qualified, .noFacts: []
        }
        return names.map { args[$0] ?? "" }
    }
}
