import Foundation
/// Element ids for forms that share a page with others (the customer page holds the activity,
/// note, care-date and result forms): `FormField` names ids `f-<name>`, which would repeat.
enum FieldIDs {
    /// The same fields with ids `<prefix>-<name>`.
    static func prefixed(_ fields: [FormField], _ prefix: String) -> [FormField] {
        fields.map { $0.prefixed(prefix) }
    }
}
