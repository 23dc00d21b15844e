import Foundation
import ZIPFoundation

/// Read access to the parts of an in-memory ZIP package, with a decompression budget.
struct ZIPPackage {
    /// Raised inside the extraction consumer when the budget is exhausted.
    private struct BudgetExceeded: Error {}

    private let archive: Archive
    private var remainingBytes = FileLimits.maxUncompressedBytes

    /// Opens `data` as a ZIP archive.
    init(_ data: Data) throws(FileError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAnXLSX(reason: "the data is not a ZIP archive")
        }
    }

    /// Whether the package has a part at `path` (compared case-insensitively, as OPC requires).
    func contains(_ path: String) -> Bool {
        entry(at: path) != nil
    }

    /// The decompressed bytes of the part at `path`.
    mutating func read(_ path: String) throws(FileError) -> Data {
        guard let entry = entry(at: path) else {
            throw .notAnXLSX(reason: "the part \(path) is missing")
        }
        var output = Data()
        let budget = remainingBytes
        do {
            _ = try archive.extract(entry) { chunk in
                guard output.count + chunk.count <= budget else { throw BudgetExceeded() }
                output.append(chunk)
            }
        } catch is BudgetExceeded {
            throw .tooLarge
        } catch {
            throw .notAnXLSX(reason: "the part \(path) cannot be decompressed (\(error))")
        }
        remainingBytes -= output.count
        return output
    }

    private func entry(at path: String) -> Entry? {
        if let entry = archive[path] { return entry }
        let wanted = path.lowercased()
        return archive.first { $0.path.lowercased() == wanted }
    }
}
