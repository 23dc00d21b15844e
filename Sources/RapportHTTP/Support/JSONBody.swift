import Foundation
import Hummingbird
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

    /// Decodes the request body as `T`; malformed JSON, wrong types and bad enum values become
    /// `APIError.malformed` naming the field path.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AuthenticatedContext) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().contains("json") {
            throw APIError.unsupportedMediaType(contentType)
        }
        var request = request
        let buffer = try await request.collectBody(limit: BodyLimits.json)
        let data = Data(buffer: buffer)
        guard String(data: data, encoding: .utf8) != nil else {
            throw APIError.malformed(field: "", reason: "the body is not valid UTF-8")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    static func describe(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .malformed(field: path(context.codingPath), reason: "expected \(type)")
        case .valueNotFound(_, let context):
            return .malformed(field: path(context.codingPath), reason: "a value is required")
        case .keyNotFound(let key, let context):
            return .malformed(field: path(context.codingPath + [key]), reason: "a value is required")
        case .dataCorrupted(let context):
            return .malformed(field: path(context.codingPath), reason: context.codingPath.isEmpty ? "the body is not valid JSON" : "invalid value")
        @unknown default:
            return .malformed(field: "", reason: "invalid body")
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
