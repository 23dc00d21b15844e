import Hummingbird
import NIOCore
import RapportFiles

/// The largest request bodies the server reads, and reading them with a clear refusal past the limit.
public enum BodyLimits {
    /// A JSON body of the API.
    public static let json = 1 << 20
    /// A url-encoded page form.
    public static let form = 1 << 20
    /// An upload (an import file, raw or inside a multipart form): the largest file the readers
    /// accept plus room for the multipart envelope, so a file the readers refuse is refused here first.
    public static let upload = FileLimits.maxInputBytes + (64 << 10)
}

/// A request body larger than the limit of the route that reads it (answered with 413).
public struct BodyTooLarge: Error, Sendable, Equatable {
    /// The limit in bytes.
    public let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    /// The limit in whole MiB, for messages (at least 1).
    public var megabytes: Int { max(1, (limit + (1 << 20) - 1) >> 20) }
}

extension Request {
    /// Reads the whole body, refusing with `BodyTooLarge` as soon as it is known to be larger than
    /// `limit` bytes: from `Content-Length` before reading, else while reading.
    public mutating func collectBody(limit: Int) async throws -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit {
            throw BodyTooLarge(limit: limit)
        }
        do {
            return try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw BodyTooLarge(limit: limit)
        }
    }
}
