/// A label and its value, as a `<dt>`/`<dd>` pair reads them (custom fields on a record page).
struct LabelledValue: PageModel {
    let label: String
    let value: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}
