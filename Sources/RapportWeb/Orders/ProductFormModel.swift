/// What the product form `/products/{id}/edit` shows (`product_form`).
struct ProductFormModel: PageModel {
    /// The product edited.
    struct Product: PageModel {
        let id: String
        /// The version the form sends back.
        let version: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "version": version
            default: nil
            }
        }
    }

    let product: Product
    let fields: [FormField]
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "product": product
        case "fields": fields
        default: outcome.child(named: name)
        }
    }
}
