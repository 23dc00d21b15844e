/// What the side-by-side merge page shows (`merge`) for customers and key persons alike: a radio
/// per differing field, what will move, and the versions the user saw. Built by
/// `MergeForm.compareData`.
struct MergeCompareModel: PageModel {
    /// One differing field with both values.
    struct Row: PageModel {
        let field: String
        let label: String
        let survivorValue: String
        let mergedValue: String
        /// Whether both values can be kept together (tags).
        let canUnite: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "field": field
            case "label": label
            case "survivorValue": survivorValue
            case "mergedValue": mergedValue
            case "canUnite": canUnite
            default: nil
            }
        }
    }

    /// How many records of one kind move (or moved) to the surviving record.
    struct Move: PageModel {
        /// The kind of record, in the reader's language.
        let table: String
        let count: String

        func child(named name: String) -> Any? {
            switch name {
            case "table": table
            case "count": count
            default: nil
            }
        }
    }

    let action: String
    let mergedID: String
    let survivorName: String
    let mergedName: String
    let survivorURL: String
    let mergedURL: String
    /// The same page with the two records the other way round.
    let swapURL: String
    let survivorVersion: String
    let mergedVersion: String
    let rows: [Row]
    let moves: [Move]
    /// A record changed since the page was shown.
    let stale: Bool
    let intro: String
    let staleText: String
    let willMoveText: String
    let nothingMovesText: String
    let afterwardsText: String

    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "mergedID": mergedID
        case "survivorName": survivorName
        case "mergedName": mergedName
        case "survivorURL": survivorURL
        case "mergedURL": mergedURL
        case "swapURL": swapURL
        case "survivorVersion": survivorVersion
        case "mergedVersion": mergedVersion
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "moves": moves
        case "hasMoves": !moves.isEmpty
        case "stale": stale
        case "intro": intro
        case "staleText": staleText
        case "willMoveText": willMoveText
        case "nothingMovesText": nothingMovesText
        case "afterwardsText": afterwardsText
        default: nil
        }
    }
}
