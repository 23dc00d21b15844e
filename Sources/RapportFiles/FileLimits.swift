/// Size limits that protect the readers against oversized or malicious input.
public enum FileLimits {
    /// The largest input file, in bytes, that the readers accept (50 MiB).
    public static let maxInputBytes = 50 * 1024 * 1024

    /// The largest total number of bytes the XLSX reader decompresses from one
    /// workbook (a guard against ZIP bombs).
    public static let maxUncompressedBytes = 400 * 1024 * 1024
}
