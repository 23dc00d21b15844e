import Foundation

public typealias DealStageID = Identifier<DealStage>

/// One column of the pipeline, defined by an admin: its names in both languages, its place and
/// the chance that a deal in it is won (0–100 %).
public struct DealStage: Sendable, Codable, Equatable, Identifiable {
    public var id: DealStageID
    public var nameZh: String
    public var nameEn: String
    public var position: Int
    public var probability: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: DealStageID, nameZh: String, nameEn: String, position: Int, probability: Int,
                createdAt: Date, updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.position = position
        self.probability = probability; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.deletedAt = deletedAt; self.version = version
    }

    /// The name in the reader's language.
    public func name(_ language: Language) -> String { language == .en ? nameEn : nameZh }
}
