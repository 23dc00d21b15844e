import Foundation
import RapportCore
import RapportStore

/// A user's notices (提醒): escalations, handovers, reminders.
public struct Notices: Sendable {
    let deps: Dependencies

    /// The acting user's notices, newest first.
    public func list(_ acting: Acting, unreadOnly: Bool = false, limit: Int = 50,
                        cursor: PageCursor? = nil) async throws -> Page<Notice> {
        try await deps.read(acting) { try await $0.myNotices(unreadOnly: unreadOnly, limit: limit, cursor: cursor) }
    }

    public func unreadCount(_ acting: Acting) async throws -> Int {
        try await deps.read(acting) { try await $0.myUnreadNoticeCount() }
    }

    /// Marks one of the user's notices read, or all of them when `id` is nil; another user's
    /// notice is not found.
    public func markRead(_ acting: Acting, id: NoticeID?) async throws {
        let now = deps.env.now()
        let found = try await deps.write(acting) { try await $0.markMyNoticesRead(id: id, at: now) }
        if !found { throw AppError.notFound(entity: .notice) }
    }
}
