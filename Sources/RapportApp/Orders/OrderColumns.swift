import Foundation
import RapportCore

/// The columns of an orders file: one row per order line; rows with the same order number form one order.
enum OrderColumn: String, CaseIterable, Sendable {
    case number, customerID, customer, orderedOn, productCode, description, quantity, unitPrice, unitCost, rep, status,
         currency, note

    var headers: [String] {
        switch self {
        case .number: ["订单号", "订单编号", "Order number", "Order No", "Order"]
        case .customerID: ["客户编号", "Customer ID"]
        case .customer: ["客户名称", "客户", "Customer", "公司", "Company", "统一社会信用代码", "Registration number"]
        case .orderedOn: ["订单日期", "日期", "Order date", "Date"]
        case .productCode: ["产品编码", "产品代码", "Product code", "SKU"]
        case .description: ["产品名称", "品名", "描述", "Description", "Product"]
        case .quantity: ["数量", "Quantity", "Qty"]
        case .unitPrice: ["单价", "Unit price", "Price"]
        case .unitCost: ["单位成本", "成本单价", "成本", "Unit cost", "Cost"]
        case .rep: ["销售代表", "业务员", "Rep", "Sales rep"]
        case .status: ["状态", "Status"]
        case .currency: ["币种", "Currency"]
        case .note: ["备注", "Note"]
        }
    }

    static func match(_ header: String) -> OrderColumn? {
        let key = SearchText.normalize(header)
        return allCases.first { column in
            SearchText.normalize(column.rawValue) == key || column.headers.contains { SearchText.normalize($0) == key }
        }
    }

    /// Order statuses as people write them, in both languages.
    static let statuses: [String: OrderStatus] = [
        "confirmed": .confirmed, "已确认": .confirmed, "确认": .confirmed, "待发货": .confirmed,
        "fulfilled": .fulfilled, "已完成": .fulfilled, "已发货": .fulfilled, "完成": .fulfilled,
        "cancelled": .cancelled, "canceled": .cancelled, "已取消": .cancelled, "取消": .cancelled,
    ]
}

/// One good row of an orders file, before it joins its order.
struct ImportedOrderRow {
    var line: Int
    var number: String
    var customerID: CustomerID
    var orderedOn: CalendarDate?
    var repID: UserID?
    var status: OrderStatus?
    var currency: String?
    var note: String
    var draft: OrderLineDraft
}
