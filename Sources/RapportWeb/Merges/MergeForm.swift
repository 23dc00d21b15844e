import Foundation
import RapportCore

/// What the merge pages share for customers and key persons alike: reading the posted choices
/// and versions, and the side-by-side page's model (`merge.mustache`).
struct MergeForm {
    /// The chosen side per differing field (`fields` lists them, `choice.<field>` holds the choice).
    let choices: [String: MergeChoice]
    /// The versions the user saw, by record id: a record changed since makes the merge a conflict.
    let versions: [UUID: Int]

    init(_ page: PageRequest, survivor: UUID, merged: UUID) {
        var choices: [String: MergeChoice] = [:]
        for field in page.form.all("fields") {
            if let choice = page.form["choice." + field].flatMap(MergeChoice.init(rawValue:)) { choices[field] = choice }
        }
        var versions: [UUID: Int] = [:]
        if let v = page.form["survivorVersion"].flatMap(Int.init) { versions[survivor] = v }
        if let v = page.form["mergedVersion"].flatMap(Int.init) { versions[merged] = v }
        self.choices = choices
        self.versions = versions
    }

    /// One of the two records on the side-by-side page.
    struct Side {
        let id: UUID
        let name: String
        let url: String
        let version: Int
    }

    /// The side-by-side page's model. `base` is the records' path ("/customers" or "/contacts"),
    /// `texts` the message key prefix ("merge" or "merge.contact").
    static func compareData(base: String, survivor: Side, merged: Side, rows: [MergeCompareModel.Row],
                            moves: [MergeCompareModel.Move], stale: Bool, texts: String, env: PageEnvironment,
                            language: Language) -> MergeCompareModel {
        MergeCompareModel(
            action: "\(base)/\(survivor.id.uuidString.lowercased())/merge", mergedID: merged.id.uuidString.lowercased(),
            survivorName: survivor.name, mergedName: merged.name, survivorURL: survivor.url, mergedURL: merged.url,
            swapURL: FormData(pairs: [("with", survivor.id.uuidString.lowercased())])
                .url("\(base)/\(merged.id.uuidString.lowercased())/merge"),
            survivorVersion: String(survivor.version), mergedVersion: String(merged.version),
            rows: rows, moves: moves, stale: stale,
            intro: env.text("\(texts).intro", language), staleText: env.text("\(texts).stale", language),
            willMoveText: env.text("\(texts).willMove", language), nothingMovesText: env.text("\(texts).nothingMoves", language),
            afterwardsText: env.text("\(texts).afterwards", language))
    }
}
