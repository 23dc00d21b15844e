import Foundation

/// Detects the encoding of text bytes and decodes them.
///
/// Order: a byte order mark (UTF-8, UTF-16 LE, UTF-16 BE) wins; otherwise valid
/// UTF-8 is UTF-8; otherwise GB18030 is tried. A leading U+FEFF left after
/// decoding is removed.
struct TextDecoder {
    /// Decodes `data`, returning the text and the detected encoding.
    static func decode(_ data: Data) throws(FileError) -> (text: String, encoding: TextEncodingGuess) {
        let (text, encoding): (String?, TextEncodingGuess)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            (text, encoding) = (String(data: data.dropFirst(3), encoding: .utf8), .utf8BOM)
        } else if data.starts(with: [0xFF, 0xFE]) {
            (text, encoding) = (utf16(data.dropFirst(2), .utf16LittleEndian), .utf16LE)
        } else if data.starts(with: [0xFE, 0xFF]) {
            (text, encoding) = (utf16(data.dropFirst(2), .utf16BigEndian), .utf16BE)
        } else if let utf8 = String(data: data, encoding: .utf8) {
            (text, encoding) = (utf8, .utf8)
        } else {
            (text, encoding) = (GB18030Decoder.decode(data), .gb18030)
        }
        guard var decoded = text else { throw .unreadableEncoding }
        if decoded.unicodeScalars.first == "\u{FEFF}" {
            decoded.unicodeScalars.removeFirst()
        }
        return (decoded, encoding)
    }

    /// Decodes UTF-16 code units; an odd byte count (a truncated file) is unreadable.
    private static func utf16(_ bytes: Data, _ encoding: String.Encoding) -> String? {
        guard bytes.count.isMultiple(of: 2) else { return nil }
        return String(data: bytes, encoding: encoding)
    }
}
