import Foundation
/// The fields an admin sets on a pipeline stage; `nil` = not given.
public struct DealStageDraft: Sendable, Codable, Equatable {
    public var nameZh: String?
    public var nameEn: String?
    /// 1-based place in the pipeline; other stages shift to make room.
    public var position: Int?
    /// Win probability in percent, 0–100.
    public var probability: Int?

    public init(nameZh: String? = nil, nameEn: String? = nil, position: Int? = nil, probability: Int? = nil) {
        self.nameZh = nameZh; self.nameEn = nameEn; self.position = position; self.probability = probability
    }

    /// Checks the fields alone; both names and the probability are required for a new stage.
    public func validate(isNew: Bool) throws(ValidationFailed) {
        var v = Validator()
        if isNew || nameZh != nil { v.required("nameZh", nameZh, max: 60) }
        if isNew || nameEn != nil { v.required("nameEn", nameEn, max: 60) }
        if isNew && probability == nil { v.add("probability", .required) }
        if let probability, !(0...100).contains(probability) { v.add("probability", .outOfRange, detail: "0–100") }
        if let position, position < 1 { v.add("position", .outOfRange, detail: "≥ 1") }
        try v.check()
    }

    /// Applies names and probability (the position is placed by `DealStage.reordered`).
    public func apply(to stage: inout DealStage) {
        if let nameZh { stage.nameZh = nameZh.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let nameEn { stage.nameEn = nameEn.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let probability { stage.probability = probability }
    }
}

extension DealStage {
    /// Puts `stageID` at the 1-based `position` (clamped) among `stages` and numbers them 1…n;
    /// returns every stage in its new order with its new position.
    public static func reordered(_ stages: [DealStage], moving stageID: DealStageID, to position: Int) -> [DealStage] {
        var ordered = stages.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        guard let index = ordered.firstIndex(where: { $0.id == stageID }) else { return ordered }
        let moving = ordered.remove(at: index)
        ordered.insert(moving, at: min(max(position, 1), ordered.count + 1) - 1)
        for i in ordered.indices { ordered[i].position = i + 1 }
        return ordered
    }
}
