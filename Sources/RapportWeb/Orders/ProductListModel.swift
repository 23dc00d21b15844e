/// What `/products` shows (`products`): the products with their category, the categories, and
/// for admins the forms for a new product and a new category.
struct ProductListModel: PageModel {
    /// One product; money with its currency. `isAdmin` is the page's, read through the row.
    struct Product: PageModel {
        let id: String
        let code: String
        let name: String
        let unit: String
        /// The category's name, or empty.
        let category: String
        let price: String
        let cost: String
        let active: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "code": code
            case "name": name
            case "unit": unit
            case "category": category
            case "price": price
            case "cost": cost
            case "active": active
            default: nil
            }
        }
    }

    let products: [Product]
    /// The categories' names.
    let categories: [String]
    let isAdmin: Bool
    let fields: [FormField]
    let errors: FormErrors
    let otherErrors: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "products": products
        case "hasProducts": !products.isEmpty
        case "categories": categories
        case "isAdmin": isAdmin
        case "fields": fields
        case "categoryError": errors["categoryName"] ?? ""
        case "hasCategoryError": errors["categoryName"] != nil
        case "hasErrors": !errors.isEmpty
        case "otherErrors": otherErrors
        default: nil
        }
    }
}
