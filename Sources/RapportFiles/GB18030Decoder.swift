import Foundation

/// Decodes GB18030 bytes (the encoding Chinese Excel uses for plain CSV) into a string.
///
/// Foundation names no constant for GB18030, but both Darwin and Linux Foundation
/// (swift-corelibs-foundation, backed by ICU) decode it under its CoreFoundation
/// encoding number `kCFStringEncodingGB_18030_2000` (0x0632), which
/// `CFStringConvertEncodingToNSStringEncoding` maps to `0x8000_0632`.
struct GB18030Decoder {
    /// Foundation's encoding value for GB18030-2000.
    static let encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Returns the decoded text, or `nil` if the bytes are not valid GB18030.
    static func decode(_ bytes: Data) -> String? {
        String(data: bytes, encoding: encoding)
    }
}
