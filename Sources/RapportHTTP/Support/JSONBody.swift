import Foundation
import Hummingbird
import RapportCore
import RapportEdge
import NIOFoundationEssentialsCompat

/// Reading JSON bodies and writing JSON responses, with decoding failures named by field.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Decodes the request body as `T`; malformed JSON, wrong types, bad enum values, date-times
    /// that do not exist and numbers a field cannot hold become `APIError.malformed` naming the field path.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AuthenticatedContext) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().contains("json") {
            throw APIError.unsupportedMediaType(contentType)
        }
        var request = request
        let buffer = try await request.collectBody(limit: BodyLimits.json)
        let data = Data(buffer: buffer)
        guard String(data: data, encoding: .utf8) != nil else {
            throw APIError.malformed(field: "", reason: .notUTF8)
        }
        return try decode(type, from: data)
    }

    /// Decodes `data` as `T` with the API's rules (see `decode(_:from:context:)`).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = makeDecoder()
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let field = NumberLocator.field(failing: type, in: data, decoder: decoder) {
                throw APIError.malformed(field: field, reason: .notAWholeNumber)
            }
            throw describe(error)
        }
    }

    /// Marks a date-time that failed the strict ISO 8601 reading, so `describe` can name it.
    static let invalidInstant = "not an ISO 8601 date-time that exists"

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            guard let date = InstantText.parse(try container.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: invalidInstant)
            }
            return date
        }
        return decoder
    }

    static func describe(_ error: DecodingError) -> APIError {
        switch error {
        case .typeMismatch(let type, let context):
            return .malformed(field: FieldPath.text(context.codingPath), reason: .expected(type))
        case .valueNotFound(_, let context):
            return .malformed(field: FieldPath.text(context.codingPath), reason: .required)
        case .keyNotFound(let key, let context):
            return .malformed(field: FieldPath.text(context.codingPath + [key]), reason: .required)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformed(field: "", reason: .notJSON) }
            return .malformed(field: FieldPath.text(context.codingPath),
                              reason: context.debugDescription == invalidInstant ? .invalidDateTime : .invalidValue)
        @unknown default:
            return .malformed(field: "", reason: .invalidBody)
        }
    }

    /// A JSON response.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, version: Int? = nil) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let version { headers[.eTag] = "\"\(version)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
