/// What a merge's result page `/merges/{id}` shows (`merge_result`): what moved, and the undo
/// banner (or that it was undone, or that undoing was refused).
struct MergeResultModel: PageModel {
    let id: String
    let survivorURL: String
    let survivorName: String
    let moved: [MergeCompareModel.Move]
    let undone: Bool
    let mergedURL: String
    /// Undoing was just refused.
    let refused: Bool
    let undoRefusedText: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "survivorURL": survivorURL
        case "survivorName": survivorName
        case "moved": moved
        case "hasMoved": !moved.isEmpty
        case "undone": undone
        case "canUndo": !undone
        case "mergedURL": mergedURL
        case "refused": refused
        case "undoRefusedText": undoRefusedText
        default: nil
        }
    }
}
