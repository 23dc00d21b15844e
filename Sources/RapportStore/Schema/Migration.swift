/// One step of the schema timeline. Steps are append-only: once landed, never edited.
/// Most steps are the same SQL on both engines; `postgres` overrides where they differ. A step whose
/// new column needs values only Swift can compute (pinyin) has a `backfill`, run after its
/// statements in the same transaction.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let sqlite: [String]
    let postgres: [String]
    let backfill: (@Sendable (StoreSession) async throws -> Void)?

    init(_ version: Int, _ name: String, both: [String] = [], sqlite: [String] = [], postgres: [String] = [],
         backfill: (@Sendable (StoreSession) async throws -> Void)? = nil) {
        self.version = version
        self.name = name
        self.sqlite = both + sqlite
        self.postgres = both + postgres
        self.backfill = backfill
    }

    func statements(for kind: EngineKind) -> [String] {
        kind == .sqlite ? sqlite : postgres
    }
}
