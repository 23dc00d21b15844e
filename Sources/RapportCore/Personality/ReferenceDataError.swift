import Foundation

/// A shipped or admin-edited reference data file (questionnaire, guidance book, expectation policy)
/// that does not have the expected shape. Raised when the file is loaded, so a bad file stops the
/// start-up with a message that names the place to fix, e.g. `buyerTypes.slippery: missing`.
public struct ReferenceDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, as a dotted path with `[n]` for list positions; empty for the whole file.
    public var path: String
    /// What is wrong there, in plain words.
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}

/// Decoding helpers shared by the reference data types: strict tables keyed by an enum, and
/// `DecodingError` turned into a `ReferenceDataError` that a person can act on.
enum ReferenceData {
    /// A coding key for tables whose keys are data (enum raw values, ids).
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Decodes a JSON document; every failure comes back as a `ReferenceDataError`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ReferenceDataError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as ReferenceDataError {
            throw error
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw ReferenceDataError(path: "", problem: String(describing: error))
        }
    }

    /// Decodes an object that must hold exactly one entry per case of `Name`, keyed by its raw value.
    static func table<Name, Value, Outer>(
        of _: Name.Type, _: Value.Type, in container: KeyedDecodingContainer<Outer>, forKey key: Outer
    ) throws -> [Name: Value]
    where Name: CaseIterable & Hashable & RawRepresentable<String>, Value: Decodable, Outer: CodingKey {
        let nested = try container.nestedContainer(keyedBy: Key.self, forKey: key)
        var table: [Name: Value] = [:]
        for entryKey in nested.allKeys {
            guard let name = Name(rawValue: entryKey.stringValue) else {
                let known = Name.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: entryKey, in: nested, debugDescription: "unknown entry; expected one of \(known)")
            }
            table[name] = try nested.decode(Value.self, forKey: entryKey)
        }
        for name in Name.allCases where table[name] == nil {
            throw DecodingError.keyNotFound(Key(name.rawValue), .init(codingPath: nested.codingPath, debugDescription: "missing"))
        }
        return table
    }

    /// Encodes a table as an object keyed by the raw values, in case order.
    static func encodeTable<Name, Value, Outer>(
        _ table: [Name: Value], in container: inout KeyedEncodingContainer<Outer>, forKey key: Outer
    ) throws where Name: CaseIterable & Hashable & RawRepresentable<String>, Value: Encodable, Outer: CodingKey {
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: key)
        for name in Name.allCases {
            if let value = table[name] { try nested.encode(value, forKey: Key(name.rawValue)) }
        }
    }

    /// Throws when a text is blank, naming the field.
    static func requireText<K: CodingKey>(_ text: String, _ key: K, in container: KeyedDecodingContainer<K>) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "must not be empty")
        }
    }

    static func describe(_ error: DecodingError) -> ReferenceDataError {
        switch error {
        case .keyNotFound(let key, let context):
            return ReferenceDataError(path: path(context.codingPath + [key]), problem: "missing")
        case .valueNotFound(let type, let context):
            return ReferenceDataError(path: path(context.codingPath), problem: "missing value, expected \(type)")
        case .typeMismatch(let type, let context):
            return ReferenceDataError(path: path(context.codingPath), problem: "wrong type, expected \(type)")
        case .dataCorrupted(let context):
            var problem = context.debugDescription
            if let underlying = context.underlyingError { problem += " (\(underlying))" }
            return ReferenceDataError(path: path(context.codingPath), problem: problem)
        @unknown default:
            return ReferenceDataError(path: "", problem: String(describing: error))
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
