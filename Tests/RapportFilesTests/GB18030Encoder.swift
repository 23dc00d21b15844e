import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes UTF-8 text as GB18030 with the C library's `iconv`, to build test
/// fixtures independently of the Foundation decoder under test.
struct GB18030Encoder {
    /// A conversion failure, with the reason.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The GB18030 bytes of `text`.
    static func encode(_ text: String) throws -> Data {
        guard let converter = iconv_open("GB18030", "UTF-8"), Int(bitPattern: converter) != -1 else {
            throw Failure(description: "iconv cannot convert UTF-8 to GB18030 on this system (errno \(errno))")
        }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let (status, written) = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = inputBuffer.baseAddress
                var inputLeft = inputBuffer.count
                var outputPointer = outputBuffer.baseAddress
                var outputLeft = outputBuffer.count
                let status = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                return (status, outputBuffer.count - outputLeft)
            }
        }
        guard status != -1 else {
            throw Failure(description: "iconv failed to convert \"\(text)\" to GB18030 (errno \(errno))")
        }
        return Data(output.prefix(written).map { UInt8(bitPattern: $0) })
    }
}
