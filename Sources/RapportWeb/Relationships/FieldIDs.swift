import Foundation
/// Element ids for forms that share a page with others (the customer page holds the activity,
/// note, care-date and result forms): `FormField` names ids `f-<name>`, which would repeat.
enum FieldIDs {
    /// The same fields with ids `<prefix>-<name>`.
    static func prefixed(_ fields: [[String: Any]], _ prefix: String) -> [[String: Any]] {
        fields.map { field in
            var copy = field
            if let name = field["name"] as? String { copy["id"] = prefix + "-" + name.replacingOccurrences(of: ".", with: "-") }
            return copy
        }
    }
}
