import Foundation

/// A typed identifier: `Identifier<Customer>` and `Identifier<Contact>` cannot be mixed up.
///
/// Stored and exchanged as the lowercase UUID string.
public struct Identifier<Subject>: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses a UUID string; `nil` when it is not one.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    public var description: String { uuid.uuidString.lowercased() }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a UUID"))
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public typealias UserID = Identifier<User>
public typealias TeamID = Identifier<Team>
public typealias CustomerID = Identifier<Customer>
public typealias ContactID = Identifier<Contact>
public typealias ActivityID = Identifier<Activity>
public typealias NoteID = Identifier<Note>
public typealias CustomFieldID = Identifier<CustomFieldDefinition>
