/// The text encoding that ``CSVReader`` detected for its input.
public enum TextEncodingGuess: String, Sendable, CaseIterable {
    /// UTF-8 without a byte order mark (plain ASCII is reported as this too).
    case utf8
    /// UTF-8 with a leading byte order mark (EF BB BF), as Excel writes "CSV UTF-8".
    case utf8BOM
    /// GB18030 (a superset of GBK/GB2312), as Chinese Excel writes plain "CSV".
    case gb18030
    /// UTF-16 little endian with a byte order mark (FF FE).
    case utf16LE
    /// UTF-16 big endian with a byte order mark (FE FF).
    case utf16BE
}
