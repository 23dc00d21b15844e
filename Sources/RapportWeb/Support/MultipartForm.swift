import Foundation
import Hummingbird
import RapportEdge
import MultipartKit
import NIOFoundationEssentialsCompat

/// A file sent with a multipart form.
struct UploadedFile: Sendable {
    let fileName: String
    let data: Data
}

/// Splits a `multipart/form-data` body into text fields and files.
enum MultipartForm {
    /// Collects the parts as the parser reports them.
    private final class Collector {
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var body = ByteBuffer()
    }

    static func parse(_ buffer: ByteBuffer, contentType: String) throws -> (FormData, [String: UploadedFile]) {
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else { throw PageError.badRequest }
        let parser = MultipartParser(boundary: boundary)
        let collector = Collector()
        parser.onHeader = { name, value in collector.headers.append((name, value)) }
        parser.onBody = { chunk in collector.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            collector.parts.append((collector.headers, collector.body))
            collector.headers = []
            collector.body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw PageError.badRequest
        }
        var fields: [(String, String)] = []
        var files: [String: UploadedFile] = [:]
        for part in collector.parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                  let name = parameter("name", in: disposition) else { continue }
            if let fileName = parameter("filename", in: disposition) {
                files[name] = UploadedFile(fileName: fileName, data: Data(buffer: part.body))
            } else {
                fields.append((name, String(buffer: part.body)))
            }
        }
        return (FormData(pairs: fields), files)
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key.lowercased() + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
