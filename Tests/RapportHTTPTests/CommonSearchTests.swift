import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportEdge
import RapportTestSupport
import Testing

/// A search whose fragment has thousands of hits (more than `rareSearchHits` in the gram index)
/// walks the list's order instead of collecting every hit first: it must find exactly the same
/// customers, in the same order, with the same count, as a rare one — for every role.
@Suite struct CommonSearchTests {
    @Test(arguments: TestEngine.available)
    func commonFragments_findExactlyTheMatches_inOrder_forEveryRole(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            // 4,200 matches for 科技 with phones starting 138; 60 near misses: 科 and 技 apart, and
            // phones holding both "13" and "38" but not "138"; 2,100 customers before them all in
            // name order, so that walking the name order alone does not reach the matches (the page then
            // comes from the hits), while the reverse order reaches them at once (the walk suffices).
            var rows = ["客户名称,电话"]
            var expected: [String] = []
            for n in 0..<4_200 {
                let name = "科技\(["甲", "乙", "丙", "Alpha", "贝塔"][n % 5])公司\(n)"
                rows.append("\(name),138\(String(format: "%08d", n))")
                expected.append(name)
            }
            for n in 0..<60 { rows.append("科学技术所\(n),13938\(String(format: "%03d", n))999") }
            let letters = Array("abcdefghij")  // names without digits, so none holds "138"
            for n in 0..<2_100 { rows.append("阿尔法贸易\(String(String(n).compactMap { $0.wholeNumberValue.map { letters[$0] } })),") }
            let report = try await api.world.app.transfers.importCustomers(
                api.world.alice, data: Data(rows.joined(separator: "\n").utf8), fileName: "many.csv",
                options: ImportOptions(allowDuplicates: true))
            #expect(report.imported == 6_360)
            // A deleted match is not found.
            let gone = try #require(try await api.customer(client, "科技已删除", as: "alice")["id"] as? String)
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(gone)", as: "alice").status == 200)
            let inOrder = expected.sorted { (Pinyin.sortKey($0), $0) < (Pinyin.sortKey($1), $1) }

            for user in ["admin", "mia", "alice"] {
                for (fragment, count, sort) in [("科技", 4_200, "name"), ("科技", 4_200, "-name"), ("138", 4_200, "name")] {
                    var names: [String] = []
                    var cursor: String?
                    repeat {
                        let uri = "/api/v1/customers?q=\(fragment.query)&sort=\(sort)&limit=200"
                            + (cursor.map { "&cursor=\($0.query)" } ?? "")
                        let page = try await api.call(client, .get, uri, as: user)
                        #expect(page.status == 200)
                        names += page.items.compactMap { $0["name"] as? String }
                        cursor = page.json["nextCursor"] as? String
                    } while cursor != nil && names.count < 5_000
                    // The same names in pinyin order (ties by name cannot differ here: names are unique).
                    #expect(names.count == count, "\(user) \(fragment)")
                    if fragment == "科技" {
                        #expect(names == (sort == "name" ? inOrder : inOrder.reversed()), "\(user) \(fragment) \(sort): not in pinyin order")
                    }
                    let wrong = Set(names).symmetricDifference(expected)
                    #expect(wrong.isEmpty, "\(user) \(fragment): \(wrong.count) wrong, e.g. \(wrong.sorted().prefix(3))")
                }
            }
            // The list page says "1,000+" for the admin without counting every hit.
            let admin = try await CustomerFilePageTests.Browser.signIn(api.world, "admin")
            let (_, html) = try await admin.get(client, "/customers?q=\("科技".query)")
            #expect(html.contains(try Localizer.bundled().text("customers.countMore", .en, "1,000")))
        }
    }
}
