import Foundation
import RapportCore

/// A small deterministic random generator, so `rapport demo` and `rapport bench` make the
/// same data every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        // xorshift64*
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }
}

/// Names and words for realistic demo and benchmark data, Chinese and English.
enum DemoData {
    static let cityPrefixes = ["杭州", "上海", "苏州", "宁波", "南京", "深圳", "广州", "成都", "武汉", "青岛", "厦门", "无锡", "合肥", "天津", "北京"]
    static let brandWords = ["华信", "恒达", "东方", "瑞丰", "金桥", "新锐", "鼎盛", "汇通", "博远", "嘉禾", "天成", "宏图", "永泰", "中联", "海纳", "阿里巴巴", "星辰", "蓝海", "启明", "万象"]
    static let businessWords = ["纺织", "电子", "机械", "化工", "食品", "物流", "包装", "五金", "家具", "服饰", "医疗器械", "新材料", "汽车配件", "农业科技", "信息技术"]
    static let suffixes = ["有限公司", "股份有限公司", "贸易有限公司", "实业有限公司", "科技有限公司"]
    static let englishFirst = ["Northwind", "Blue Harbor", "Crescent", "Summit", "Evergreen", "Redwood", "Silverline", "Atlas", "Pioneer", "Lakeside"]
    static let englishSecond = ["Trading", "Components", "Foods", "Logistics", "Textiles", "Machinery", "Electronics", "Packaging"]
    static let englishSuffix = ["Ltd", "Inc.", "GmbH", "LLC", "Co."]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强"]
    static let englishNames = ["Emma Clark", "Liam Turner", "Olivia Brooks", "Noah Bennett", "Ava Collins", "James Porter", "Mia Foster", "Lucas Hayes"]
    static let titles = ["采购经理", "总经理", "技术总监", "财务主管", "采购专员", "生产经理", "副总经理", "质量经理"]
    static let departments = ["采购部", "总经办", "技术部", "财务部", "生产部", "质量部"]
    static let industries = ["纺织服装", "电子元器件", "机械设备", "化工", "食品饮料", "物流", "包装印刷", "五金工具"]
    static let regions = ["浙江", "上海", "江苏", "广东", "四川", "湖北", "山东", "福建", "北京", "天津"]
    static let sources = ["转介绍", "展会", "行业网站", "主动来电", "老客户推荐", "线上询盘"]
    static let purposes = ["介绍新品", "回访使用情况", "报价跟进", "续约沟通", "售后问题处理", "节日问候", "拜访关键人", "确认付款"]
    static let outcomes = ["客户有兴趣，约下周再谈", "已发报价，等待反馈", "客户反馈使用顺利", "需要技术支持上门", "答应推荐同行", "暂无需求"]

    static func pick<T>(_ items: [T], _ rng: inout SeededGenerator) -> T {
        items[Int(rng.next() % UInt64(items.count))]
    }

    static func companyName(_ rng: inout SeededGenerator) -> String {
        if rng.next() % 6 == 0 {
            return "\(pick(englishFirst, &rng)) \(pick(englishSecond, &rng)) \(pick(englishSuffix, &rng))"
        }
        return pick(cityPrefixes, &rng) + pick(brandWords, &rng) + pick(businessWords, &rng) + pick(suffixes, &rng)
    }

    /// A key person's name in the customer's language: Chinese firms have Chinese contacts.
    static func personName(_ rng: inout SeededGenerator, english: Bool) -> String {
        english ? pick(englishNames, &rng) : pick(surnames, &rng) + pick(givenNames, &rng)
    }

    /// Whether a demo company name is English (the demo's English firms are "Northwind Trading Ltd"-like).
    static func isEnglish(_ name: String) -> Bool { !Pinyin.hasHan(name) }

    static let englishTitles = ["Purchasing Manager", "General Manager", "Technical Director", "Finance Lead", "Buyer",
                                "Operations Manager", "Quality Manager"]
    static let englishDepartments = ["Purchasing", "Management", "Engineering", "Finance", "Operations", "Quality"]
    static let englishPurposes = ["Introduce the new range", "Check how it is going", "Follow up the quotation",
                                  "Talk about renewal", "Sort out an after-sales issue", "Visit the decision maker", "Confirm payment"]
    static let englishOutcomes = ["Interested, meeting again next week", "Quotation sent, waiting for feedback",
                                  "Running smoothly", "Needs a technician on site", "Will recommend us to a peer", "No need for now"]
    static let englishInterests = ["Golf", "Sailing", "Marathons", "Photography", "Tennis"]
    static let englishPainPoints = ["Unreliable lead times", "Price pressure", "Slow after-sales response", "Uneven quality"]

    static func mobile(_ rng: inout SeededGenerator) -> String {
        let prefix = pick(["138", "139", "150", "186", "135", "177", "188"], &rng)
        return prefix + String(format: "%08llu", rng.next() % 100_000_000)
    }
}
