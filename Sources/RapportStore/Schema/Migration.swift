/// One step of the schema timeline. Steps are append-only: once landed, never edited.
/// Most steps are the same SQL on both engines; `postgres` overrides where they differ.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let sqlite: [String]
    let postgres: [String]

    init(_ version: Int, _ name: String, both: [String] = [], sqlite: [String] = [], postgres: [String] = []) {
        self.version = version
        self.name = name
        self.sqlite = both + sqlite
        self.postgres = both + postgres
    }

    func statements(for kind: EngineKind) -> [String] {
        kind == .sqlite ? sqlite : postgres
    }
}
