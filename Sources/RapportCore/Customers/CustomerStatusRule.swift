import Foundation

/// The one rule between a customer's status (a rep's working label), its lifecycle stage
/// (computed from orders, deals and qualification) and its subscription terms (from their
/// dates), so that no page shows a "lost" customer with a running term or a "potential" one
/// that has bought. The customer page and the status field's help state it in words:
/// - booking an order or recording a subscription term makes the customer Won;
/// - recording a churn makes it Lost, unless another of its terms still runs;
/// - cancelling or deleting its last order, with no term running, makes a Won customer
///   Following again (and restoring one makes a Potential customer Won);
/// - a rep may not set a status the records contradict: Potential for a customer that has
///   bought, or Potential, Dormant or Lost while one of its terms runs.
/// Everything else (Following, Dormant for a past buyer, Lost after a lost deal) is the rep's call.
public enum CustomerStatusRule {
    /// A change in the records that can move the status.
    public enum Event: Sendable {
        case ordered
        case termRecorded
        /// A term was churned; `stillRunning` when another term of the customer is still active.
        case churned(stillRunning: Bool)
        /// An order was cancelled, deleted, restored or re-dated; what the records hold afterwards.
        case ordersChanged(hasOrders: Bool, runningTerm: Bool)
    }

    /// The status the records now call for, or nil when the current one stands.
    public static func status(after event: Event, current: CustomerStatus) -> CustomerStatus? {
        let wanted: CustomerStatus?
        switch event {
        case .ordered, .termRecorded: wanted = .won
        case .churned(let stillRunning): wanted = stillRunning ? nil : .lost
        case .ordersChanged(let hasOrders, let runningTerm):
            if hasOrders || runningTerm {
                wanted = current == .potential ? .won : nil
            } else {
                wanted = current == .won ? .following : nil
            }
        }
        return wanted == current ? nil : wanted
    }

    /// Why a rep may not set `requested`, or nil when the records allow it.
    public static func refusal(requested: CustomerStatus, hasOrders: Bool, runningTerm: Bool) -> FieldCode? {
        if runningTerm, [.potential, .dormant, .lost].contains(requested) { return .termRunning }
        if hasOrders, requested == .potential { return .hasBought }
        return nil
    }
}
