import Foundation
import RapportCore
import SQLKit

extension CatalogSession {
    static func decodeDealStage(_ row: any SQLRow) throws -> DealStage {
        DealStage(id: try row.id("id"), nameZh: try row.text("name_zh"), nameEn: try row.text("name_en"),
                  position: try row.int("position"), probability: try row.int("probability"),
                  createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
                  deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// The pipeline's stages in order; deleted ones only when asked for.
    public func dealStages(includeDeleted: Bool = false) async throws -> [DealStage] {
        try await db.raw("""
            SELECT * FROM deal_stages \(unsafeRaw: includeDeleted ? "" : "WHERE deleted_at IS NULL")
            ORDER BY deleted_at IS NOT NULL, position, id
            """).all().map(Self.decodeDealStage)
    }

    public func dealStage(_ id: DealStageID) async throws -> DealStage? {
        try await db.raw("SELECT * FROM deal_stages WHERE id = \(bind: id.description)").first().map(Self.decodeDealStage)
    }

    public func insertDealStage(_ s: DealStage) async throws {
        try await db.raw("""
            INSERT INTO deal_stages (id, name_zh, name_en, position, probability, created_at, updated_at, deleted_at, version)
            VALUES (\(bind: s.id.description), \(bind: s.nameZh), \(bind: s.nameEn), \(bind: Int64(s.position)),
            \(bind: Int64(s.probability)), \(bind: StoredTime.encode(s.createdAt)), \(bind: StoredTime.encode(s.updatedAt)),
            \(bind: StoredTime.encode(s.deletedAt)), \(bind: Int64(s.version)))
            """).run()
    }

    public func updateDealStage(_ s: DealStage, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE deal_stages SET name_zh = \(bind: s.nameZh), name_en = \(bind: s.nameEn),
            position = \(bind: Int64(s.position)), probability = \(bind: Int64(s.probability)),
            updated_at = \(bind: StoredTime.encode(s.updatedAt)), deleted_at = \(bind: StoredTime.encode(s.deletedAt)),
            version = \(bind: Int64(s.version))
            WHERE id = \(bind: s.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "deal_stages", id: s.id.description) }
    }

    /// How many live open deals sit in a stage (a stage in use cannot be deleted).
    public func openDealCount(in stage: DealStageID) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM deals WHERE stage_id = \(bind: stage.description) AND state = 'open'
            AND deleted_at IS NULL
            """).first()?.int("n") ?? 0
    }
}
