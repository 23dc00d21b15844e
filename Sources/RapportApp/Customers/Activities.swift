import Foundation
import RapportCore
import RapportStore

/// The timeline: activities (calls, visits, messages…) logged with a customer.
public struct Activities: Sendable {
    let deps: Dependencies

    /// A customer's timeline, newest first.
    public func list(_ acting: Acting, of customerID: CustomerID, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Activity> {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.activities(of: customerID, limit: limit, cursor: cursor)
        }
    }

    public func get(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        try await deps.read(acting, entity: Activity.recordKind) { session in
            guard let activity = try await session.record(Activity.self, id) else { throw StoreError.notFound }
            return activity
        }
    }

    /// Logs a contact with a customer, made by the acting user (time defaults to now).
    public func log(_ acting: Acting, customerID: CustomerID, _ draft: ActivityDraft) async throws -> Activity {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        let deps = self.deps
        var prepared = Activity(id: deps.env.newID(), customerID: customerID, contactID: nil, userID: acting.id,
                                channel: .other, purpose: "", outcome: "", occurredAt: now, createdAt: now, updatedAt: now)
        draft.apply(to: &prepared)
        let blank = prepared
        return try await deps.write(acting, entity: .customer) { session in
            var activity = blank
            try await session.requireCustomer(customerID, live: true)
            activity.custom = try await deps.validatedCustom(draft.custom, object: .activity, in: session).filter { $0.value != .null }
            try await session.insert(activity)
            try await session.catalog.appendAudit(try deps.audit(acting.id, Activity.recordKind, activity.id.description, .create,
                                                                 before: nil as Activity?, after: activity))
            return activity
        }
    }

    /// Changes an activity; a new key person must be a live one of the customer (an old link to one
    /// deleted since is kept).
    public func update(_ acting: Acting, _ id: ActivityID, _ draft: ActivityDraft, version: Int) async throws -> Activity {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let deps = self.deps
        return try await deps.change(acting, id, version: version, action: .update) { activity, session in
            draft.apply(to: &activity)
            if let custom = draft.custom {
                for (key, value) in try await deps.validatedCustom(custom, object: .activity, in: session) {
                    if case .null = value { activity.custom[key] = nil } else { activity.custom[key] = value }
                }
            }
        }
    }

    public func delete(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        try await deps.delete(acting, id)
    }

    public func restore(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        try await deps.restore(acting, id)
    }
}
