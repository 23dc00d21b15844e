import Foundation
import RapportApp
import RapportCore
import RapportEdge

/// The new-order form: header fields, a few line rows (product or description, quantity, unit
/// price and cost in currency units), and how many instalments to split the payment into.
enum OrderForm {
    static let lineRows = 5

    /// How many line rows the posted form has (`rows`, at least `lineRows`).
    static func rowCount(_ form: FormData) -> Int {
        min(max(Int(form.text("rows")) ?? lineRows, lineRows), 500)
    }

    /// The form values of a saved order (for its edit page).
    static func values(of order: Order) -> FormData {
        var form = FormData()
        form.set("number", order.number)
        form.set("orderedOn", order.orderedOn.description)
        form.set("repID", order.repID?.description ?? "")
        form.set("note", order.note)
        form.set("version", String(order.version))
        form.set("rows", String(max(lineRows, order.lines.count + 1)))
        for (index, line) in order.lines.enumerated() {
            form.set("line\(index).product", line.productID?.description ?? "")
            form.set("line\(index).description", line.description)
            form.set("line\(index).quantity", OrderPage.quantity(line.quantity))
            form.set("line\(index).unitPrice", MinorUnits.plain(line.unitPrice))
            form.set("line\(index).unitCost", MinorUnits.plain(line.unitCost))
        }
        return form
    }

    /// The draft from the posted form, or the fields it could not even read.
    static func draft(from form: FormData, products: [Product], today: CalendarDate) -> (OrderDraft, [FieldError]) {
        var draft = OrderDraft()
        var problems: [FieldError] = []
        draft.number = form.nonEmpty("number")
        if let text = form.nonEmpty("orderedOn") {
            if let day = CalendarDate(parsing: text) { draft.orderedOn = day } else { problems.append(FieldError("orderedOn", .invalid)) }
        }
        draft.repID = form.nonEmpty("repID").flatMap(UserID.init)
        draft.note = form.text("note")
        var lines: [OrderLineDraft] = []
        for row in 0..<rowCount(form) {
            let product = form.nonEmpty("line\(row).product").flatMap(ProductID.init)
            let description = form.text("line\(row).description").trimmingCharacters(in: .whitespaces)
            let quantityText = form.text("line\(row).quantity").trimmingCharacters(in: .whitespaces)
            if product == nil, description.isEmpty, quantityText.isEmpty { continue }
            let field = "lines[\(lines.count)]."
            let quantity = Double(quantityText.isEmpty ? "1" : quantityText)
            if quantity == nil { problems.append(FieldError(field + "quantity", .invalid)) }
            func money(_ name: String) -> Int64? {
                guard let text = form.nonEmpty("line\(row).\(name)") else { return nil }
                guard let value = MinorUnits.parse(text) else { problems.append(FieldError(field + name, .invalid)); return nil }
                return value
            }
            lines.append(OrderLineDraft(productID: product, description: description, quantity: quantity ?? 0,
                                        unitPrice: money("unitPrice"), unitCost: money("unitCost")))
        }
        draft.lines = lines
        let count = Int(form.text("instalments")) ?? 1
        let term = Int(form.text("termDays")) ?? InstalmentDraft.defaultTermDays
        if !(1...12).contains(count) { problems.append(FieldError("instalments", .invalid)) }
        if !(0...365).contains(term) { problems.append(FieldError("termDays", .invalid)) }
        if (1...12).contains(count), (0...365).contains(term), count > 1 || term != InstalmentDraft.defaultTermDays {
            let revenue = lines.enumerated().reduce(Int64(0)) { sum, item in
                let product = item.element.productID.flatMap { id in products.first { $0.id == id } }
                return sum + item.element.filled(from: product).line(no: item.offset + 1).amount
            }
            draft.instalments = split(revenue, count: count, first: (draft.orderedOn ?? today).adding(days: term))
        }
        return (draft, problems)
    }

    /// Equal instalments a month apart (the first takes the rounding remainder).
    static func split(_ revenue: Int64, count: Int, first: CalendarDate) -> [InstalmentDraft]? {
        guard revenue > 0 else { return nil }
        let part = revenue / Int64(count)
        return (0..<count).map { k in
            InstalmentDraft(amount: k == 0 ? revenue - part * Int64(count - 1) : part, dueOn: first.adding(days: 30 * k),
                            method: .bankTransfer, remindDays: InstalmentDraft.defaultRemindDays)
        }
    }

    /// The line rows for the template, with the values typed and each row's messages.
    static func rows(form: FormData, products: [Product], errors: [FieldError], env: PageEnvironment,
                     language: Language) -> [OrderFormModel.Row] {
        var used = 0
        return (0..<rowCount(form)).map { row in
            let blank = form.nonEmpty("line\(row).product") == nil && form.text("line\(row).description").isEmpty
                && form.text("line\(row).quantity").isEmpty
            var messages: [String] = []
            if !blank {
                let prefix = "lines[\(used)]."
                messages = errors.filter { $0.field.hasPrefix(prefix) }.map {
                    env.text("order.line.\($0.field.dropFirst(prefix.count))", language) + ": " + env.localizer.message(for: $0, language)
                }
                used += 1
            }
            let selected = form.text("line\(row).product")
            let options = Choices.list(products.map { ($0.id.description, "\($0.code) · \($0.name) · \(MinorUnits.display($0.price, currency: $0.currency))") },
                                       selected: selected, blank: env.text("order.line.noProduct", language))
            return OrderFormModel.Row(
                row: String(row), options: options, description: form.text("line\(row).description"),
                quantity: form.text("line\(row).quantity"), unitPrice: form.text("line\(row).unitPrice"),
                unitCost: form.text("line\(row).unitCost"), messages: messages)
        }
    }
}
