import Foundation
import RapportCore

/// The columns of a key-person file. A row belongs to a customer named by its id or its name.
enum ContactColumn: String, CaseIterable, Sendable {
    case customerID, customer, name, department, title, phone, fax, email, wechat, qq, interests
    case supplierExpectations, painPoints, influence, involvement, relationshipWithUs, relationshipWithCompetitors
    case isCoach, reportsTo

    var headers: [String] {
        switch self {
        case .customerID: ["客户编号", "Customer ID"]
        case .customer: ["客户名称", "Customer", "公司", "Company"]
        case .name: ["姓名", "Name", "联系人", "Contact"]
        case .department: ["部门", "Department"]
        case .title: ["职务", "Title", "职位"]
        case .phone: ["电话", "Phone", "手机", "Mobile"]
        case .fax: ["传真", "Fax"]
        case .email: ["邮箱", "Email", "E-mail"]
        case .wechat: ["微信", "WeChat"]
        case .qq: ["QQ"]
        case .interests: ["兴趣爱好", "Interests"]
        case .supplierExpectations: ["对供应商的期望", "Supplier expectations"]
        case .painPoints: ["痛点", "Pain points"]
        case .influence: ["影响力", "Influence"]
        case .involvement: ["参与度", "Involvement"]
        case .relationshipWithUs: ["与我方关系", "Relationship with us"]
        case .relationshipWithCompetitors: ["与竞争对手关系", "Relationship with competitors"]
        case .isCoach: ["教练", "Coach"]
        case .reportsTo: ["汇报对象", "Reports to"]
        }
    }

    var exportHeader: String { headers.count > 1 && headers[0] != headers[1] ? "\(headers[0]) / \(headers[1])" : headers[0] }

    static func match(_ header: String) -> ContactColumn? {
        let key = SearchText.normalize(header)
        return allCases.first { column in
            SearchText.normalize(column.rawValue) == key || SearchText.normalize(column.exportHeader) == key
                || column.headers.contains { SearchText.normalize($0) == key }
        }
    }

    static let influences: [String: Influence] = ["high": .high, "大": .high, "高": .high, "medium": .medium, "中": .medium,
                                                  "low": .low, "小": .low, "低": .low]
    static let yes: Set<String> = ["yes", "y", "true", "1", "是", "√", "✓"]
    static let no: Set<String> = ["no", "n", "false", "0", "否", ""]
}
