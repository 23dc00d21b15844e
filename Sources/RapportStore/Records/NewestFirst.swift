import Foundation
import RapportCore
import SQLKit

/// Keyset paging newest first on (a time column, the id): the condition after a cursor, the
/// order and limit (one row more than a page, to know whether another follows), and the page
/// with the cursor of its last row. Activities, notes, notices and deals page this way.
struct NewestFirst {
    /// The time column and the id column as written in the query (`a.occurred_at`, `a.id`).
    let time: String
    let id: String
    let limit: Int

    init(time: String, id: String, limit: Int) {
        self.time = time
        self.id = id
        self.limit = max(1, min(limit, CustomerQuery.maxLimit))
    }

    /// ` AND (time, id) < the cursor's`; nil when the cursor's value is not a time.
    func after(_ cursor: PageCursor) -> SQLQueryString? {
        guard let millis = Int64(cursor.value) else { return nil }
        return """
             AND (\(unsafeRaw: time) < \(bind: millis) OR (\(unsafeRaw: time) = \(bind: millis) AND \(unsafeRaw: id) < \(bind: cursor.id)))
            """
    }

    /// ` ORDER BY time DESC, id DESC LIMIT limit + 1`.
    var order: SQLQueryString {
        " ORDER BY \(unsafeRaw: time) DESC, \(unsafeRaw: id) DESC LIMIT \(literal: limit + 1)"
    }

    /// The page of `items` (read with `order`), with the cursor of its last item when more follow.
    func page<Item: Sendable>(_ items: [Item], stamp: (Item) -> Date, key: (Item) -> String) -> Page<Item> {
        guard items.count > limit else { return Page(items: items, nextCursor: nil) }
        let kept = Array(items.prefix(limit))
        let next = kept.last.map { PageCursor(value: String(StoredTime.encode(stamp($0))), id: key($0)).token }
        return Page(items: kept, nextCursor: next)
    }
}
