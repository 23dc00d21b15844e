import Foundation

/// Lines that must reach standard output at once even when it is a file or a pipe (nohup,
/// systemd): `print` is block-buffered there, so what `serve` prints at start — the
/// administrator's one-time password — would appear only when the server stops. Written with one
/// unbuffered `write` each.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension Console {
    /// Prints rows under a header, columns padded to their widest cell (Chinese characters count
    /// as two columns, as a terminal shows them).
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? width($0[column]) : 0 }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - width(cell))
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// Terminal columns a text takes: East Asian wide characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
