/// One page of a keyset-paginated list. `nextCursor` is opaque to clients; `nil` on the last page.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Encodable where Item: Encodable {}
extension Page: Equatable where Item: Equatable {}
