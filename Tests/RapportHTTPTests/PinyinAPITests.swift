import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import RapportTestSupport

/// Pinyin order and pinyin search through the API (issue 11): 阿里巴巴 is found by `alibaba` and
/// `albb`, and the name order is by pinyin, page after page, on both engines.
@Suite struct PinyinAPITests {
    @Test(arguments: TestEngine.available)
    func search_findsChineseNamesByPinyinAndInitials(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            _ = try await api.customer(client, "阿里巴巴网络技术有限公司", as: "alice")
            _ = try await api.customer(client, "Alibaba Trading Ltd", as: "alice")
            _ = try await api.customer(client, "北京百度网讯", as: "alice")
            for query in ["albb", "alibaba", "ALIBABA", "阿里"] {
                let found = try await api.call(client, .get, "/api/v1/customers?q=\(query)", as: "alice")
                let names = found.items.compactMap { $0["name"] as? String }
                #expect(names.contains("阿里巴巴网络技术有限公司"), "\(query): \(names)")
            }
            let initials = try await api.call(client, .get, "/api/v1/customers?q=bjbd", as: "alice")
            #expect(initials.items.compactMap { $0["name"] as? String } == ["北京百度网讯"])
            // A key person's name in pinyin finds their customer too.
            let customer = try await api.customer(client, "宁波金桥五金", as: "alice")
            _ = try await api.keyPerson(client, try #require(customer["id"] as? String), "张伟", as: "alice")
            let byPerson = try await api.call(client, .get, "/api/v1/customers?q=zhangwei", as: "alice")
            #expect(byPerson.items.compactMap { $0["name"] as? String } == ["宁波金桥五金"])
        }
    }

    @Test(arguments: TestEngine.available)
    func nameOrder_isPinyin_acrossPages(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let names = ["上海申通", "北京百度", "阿里巴巴", "Zeta Ltd", "Apple", "杭州海康", "深圳腾讯", "Baker and Co"]
            for name in names { _ = try await api.customer(client, name, as: "alice") }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call(client, .get, "/api/v1/customers?sort=name&limit=3"
                                              + (cursor.map { "&cursor=\($0)" } ?? ""), as: "alice")
                seen += page.items.compactMap { $0["name"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == ["阿里巴巴", "Apple", "Baker and Co", "北京百度", "杭州海康", "上海申通", "深圳腾讯", "Zeta Ltd"])
        }
    }
}
