import Foundation
import RapportCore

/// The columns of a customer file, matched on import by their Chinese or English header
/// (case, spaces and punctuation ignored) and written on export with both.
enum CustomerColumn: String, CaseIterable, Sendable {
    case id, name, kind, size, industry, region, source, owner, tags, status, phone, email, registrationNumber
    case website, address, needs, buyingBehaviour, organisation, competitors, businessEnvironment, credit, importantDates
    case createdAt, updatedAt

    /// Header synonyms; the first Chinese and first English ones are written on export as "中文 / English".
    var headers: [String] {
        switch self {
        case .id: ["ID", "编号"]
        case .name: ["客户名称", "Name", "名称", "客户", "公司名称", "Customer", "Company"]
        case .kind: ["客户类型", "Kind", "类型", "Type"]
        case .size: ["企业规模", "Size", "规模"]
        case .industry: ["行业", "Industry"]
        case .region: ["地区", "Region", "区域", "省份"]
        case .source: ["来源", "Source", "客户来源"]
        case .owner: ["负责人", "Owner", "销售", "所属销售"]
        case .tags: ["标签", "Tags"]
        case .status: ["状态", "Status", "客户状态"]
        case .phone: ["电话", "Phone", "联系电话", "手机", "Mobile"]
        case .email: ["邮箱", "Email", "电子邮件", "E-mail"]
        case .registrationNumber: ["统一社会信用代码", "Registration number", "注册号", "信用代码"]
        case .website: ["网址", "Website", "网站"]
        case .address: ["地址", "Address"]
        case .needs: ["需求", "Needs"]
        case .buyingBehaviour: ["采购行为", "Buying behaviour", "Buying behavior"]
        case .organisation: ["组织结构", "Organisation", "Organization"]
        case .competitors: ["竞争对手", "Competitors"]
        case .businessEnvironment: ["经营环境", "Business environment"]
        case .credit: ["信用", "Credit", "信用状况"]
        case .importantDates: ["重要日期", "Important dates"]
        case .createdAt: ["创建时间", "Created"]
        case .updatedAt: ["更新时间", "Updated"]
        }
    }

    var exportHeader: String {
        let zh = headers.first { $0.unicodeScalars.contains { $0.value > 0x2E80 } } ?? headers[0]
        let en = headers.first { !$0.unicodeScalars.contains { $0.value > 0x2E80 } } ?? headers[0]
        return zh == en ? zh : "\(zh) / \(en)"
    }

    /// Finds the column for a header: exact synonym, the export form "中文 / English", or the key itself.
    static func match(_ header: String) -> CustomerColumn? {
        let key = normalize(header)
        for column in allCases {
            if normalize(column.rawValue) == key || column.headers.contains(where: { normalize($0) == key })
                || normalize(column.exportHeader) == key {
                return column
            }
        }
        return nil
    }

    static func normalize(_ text: String) -> String {
        SearchText.normalize(text)
    }
}

/// Enum values as people type them in spreadsheets: the API value, or a Chinese or English word.
enum ImportVocabulary {
    static let kinds: [String: CustomerKind] = [
        "government": .government, "政府": .government, "政府机关": .government, "事业单位": .government,
        "团体协会": .government, "public": .government,
        "enterprise": .enterprise, "企业": .enterprise, "公司": .enterprise, "company": .enterprise,
        "individual": .individual, "个人": .individual, "个体": .individual, "person": .individual,
    ]
    static let sizes: [String: EnterpriseSize] = [
        "large": .large, "大": .large, "大型": .large, "medium": .medium, "中": .medium, "中型": .medium,
        "small": .small, "小": .small, "小型": .small,
    ]
    static let statuses: [String: CustomerStatus] = [
        "potential": .potential, "潜在": .potential, "following": .following, "跟进中": .following, "跟进": .following,
        "won": .won, "已成交": .won, "成交": .won, "dormant": .dormant, "休眠": .dormant, "lost": .lost, "流失": .lost,
    ]

    static func lookup<T>(_ table: [String: T], _ text: String) -> T? {
        table[text.trimmingCharacters(in: .whitespaces).lowercased()]
    }
}
