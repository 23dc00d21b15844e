import Foundation
import Hummingbird
import RapportEdge
import Logging

/// A file from `Static/`, read once at start-up and served with a long cache lifetime; its URL
/// carries a content hash (`?v=`) so a changed file is fetched again.
struct StaticAsset: Sendable {
    let path: String
    let contentType: String
    let content: Result<ByteBuffer, any Error>
    let version: String

    /// Reads `Static/<name>`; a missing file is remembered and answered with a logged 500.
    init(name: String, contentType: String) {
        self.path = "/static/" + name
        self.contentType = contentType
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        do {
            guard parts.count == 2,
                  let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Static") else {
                throw StaticAssetError.missing(name)
            }
            let data = try Data(contentsOf: url)
            self.content = .success(ByteBuffer(bytes: data))
            self.version = Self.fingerprint(data)
        } catch {
            self.content = .failure(error)
            self.version = "0"
        }
    }

    /// The URL pages link to.
    var url: String { path + "?v=" + version }

    /// Answers a GET or HEAD for the file; `304` when the browser already has this version.
    func response(_ request: Request, context: some RequestContext) -> Response {
        switch content {
        case .success(let buffer):
            var headers = HTTPFields()
            headers[.contentType] = contentType
            headers[.cacheControl] = "public, max-age=604800"
            headers[.eTag] = "\"\(version)\""
            if request.headers[.ifNoneMatch] == headers[.eTag] { return Response(status: .notModified, headers: headers) }
            if request.method == .head { return Response(status: .ok, headers: headers) }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
        case .failure(let error):
            context.logger.error("static file unavailable", metadata: ["path": "\(path)", "error": "\(error)"])
            return Response(status: .internalServerError)
        }
    }

    /// FNV-1a, enough to tell two versions of a file apart.
    private static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

enum StaticAssetError: Error {
    case missing(String)
}
