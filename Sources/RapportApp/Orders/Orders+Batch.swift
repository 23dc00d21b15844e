import Foundation
import RapportCore
import RapportStore

extension Orders {
    /// Records many orders at once (an import). Each is checked as `create` checks one, with what
    /// they point at read once for all; the ones that pass are written 200 to a transaction, each
    /// transaction refreshing the lifecycle and status of its customers together. Answers, in order,
    /// each order's error, or nil when it was recorded.
    func createMany(_ acting: Acting, _ items: [(customerID: CustomerID, draft: OrderDraft)]) async throws -> [(any Error)?] {
        let customers = try await deps.read(acting) { try await $0.customers(items.map(\.customerID)) }
        let lookups = try await lookups(acting, customers: Array(customers.values), drafts: items.map(\.draft))
        let taken = try await deps.read(acting) { try await $0.takenOrderNumbers(items.compactMap(\.draft.number)) }
        var outcomes: [(any Error)?] = Array(repeating: nil, count: items.count)
        var ready: [(index: Int, order: Order, instalments: [PaymentInstalment], audit: AuditEntry)] = []
        var numbers = Set<String>()
        for (index, item) in items.enumerated() {
            do {
                guard let parent = customers[item.customerID] else { throw AppError.notFound(entity: .customer) }
                let (order, instalments, audit) = try prepare(acting, customer: parent, item.draft, lookups)
                guard !taken.contains(order.number), numbers.insert(order.number).inserted else {
                    throw AppError.invalid([FieldError("number", .taken)])
                }
                ready.append((index, order, instalments, audit))
            } catch {
                outcomes[index] = error
            }
        }
        for batch in ready.batches(of: 200) {
            do {
                try await deps.write(acting, entity: .order) { session in
                    try await session.insertOrders(batch.map(\.order), instalments: batch.flatMap(\.instalments))
                    try await session.catalog.appendAudits(batch.map(\.audit))
                    let customers = Array(Set(batch.map(\.order.customerID)))
                    try await deps.refreshLifecycles(customers, in: session)
                    try await deps.settleStatuses(acting, customers, after: .ordered, in: session)
                }
            } catch {
                // Something changed since the checks (a number taken, a customer deleted meanwhile):
                // record this batch's orders one by one, so each gets its own answer.
                for item in batch {
                    do {
                        _ = try await create(acting, customerID: item.order.customerID, items[item.index].draft)
                    } catch {
                        outcomes[item.index] = error
                    }
                }
            }
        }
        return outcomes
    }
}
