import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The acting user's notices, newest first.
    public func notices(_ acting: Acting, unreadOnly: Bool = false, limit: Int = 50,
                        cursor: PageCursor? = nil) async throws -> Page<Notice> {
        try await store.read { try await $0.notices(for: acting.id, unreadOnly: unreadOnly, limit: limit, cursor: cursor) }
    }

    public func unreadNoticeCount(_ acting: Acting) async throws -> Int {
        try await store.read { try await $0.unreadNoticeCount(for: acting.id) }
    }

    /// Marks one of the user's notices read, or all of them when `id` is nil.
    public func markNoticesRead(_ acting: Acting, id: NoticeID?) async throws {
        let now = env.now()
        try await store.write { try await $0.markNoticesRead(for: acting.id, id: id, at: now) }
    }
}
