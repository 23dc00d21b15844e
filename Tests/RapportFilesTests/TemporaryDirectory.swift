import Foundation
import Testing

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-files-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Deletes the directory, recording a test issue if that fails.
    func remove() {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            Issue.record("cannot remove \(url.path): \(error)")
        }
    }
}
