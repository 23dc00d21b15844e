import Foundation
import Hummingbird
import HummingbirdTesting
import RapportFiles
import RapportTestSupport
import RapportCore
import RapportEdge
import Testing

@Suite struct FileTransferTests {
    static let csv = """
        客户名称,客户类型,行业,地区,电话,邮箱,标签,需求,备注
        阿里巴巴（中国）有限公司,企业,电子商务,浙江,0571-85022088,ir@alibaba.example,重点;VIP,平台推广服务,x
        ,企业,纺织,浙江,,,,,
        杭州恒达纺织有限公司,企业,纺织,浙江,13800138000,bad-email,,,
        Blue Harbor Foods Ltd,enterprise,Food,Shanghai,+1 415 555 0100,buyer@blueharbor.example,,,
        阿里巴巴(中国)有限公司,企业,电子商务,浙江,,,,,
        宁波金桥五金有限公司,外星,五金,浙江,,,,,
        """

    @Test(arguments: TestEngine.available)
    func importCSV_keepsGoodRows_reportsEveryBadOne_andDuplicates(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let dry = try await api.call(client, .post, "/api/v1/customers/import?fileName=c.csv&dryRun=true", as: "alice",
                                         raw: Data(Self.csv.utf8), contentType: "text/csv")
            #expect(dry.status == 200)
            #expect(dry.json["imported"] as? Int == 2)
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.isEmpty)
            let report = try await api.call(client, .post, "/api/v1/customers/import?fileName=c.csv", as: "alice",
                                            raw: Data(Self.csv.utf8), contentType: "text/csv")
            #expect(report.json["imported"] as? Int == 2)
            #expect(report.json["totalRows"] as? Int == 6)
            let rejected = (report.json["rejected"] as? [[String: any Sendable]]) ?? []
            #expect(rejected.compactMap { $0["line"] as? Int } == [3, 4, 7])
            let fields = rejected.map { (($0["errors"] as? [[String: any Sendable]]) ?? []).compactMap { $0["field"] as? String } }
            #expect(fields == [["name"], ["email"], ["kind"]])
            // Each field error says what is wrong in words (docs/api.md promises `message`), in the request's language.
            let localizer = try Localizer.bundled()
            let firstError = ((rejected.first?["errors"] as? [[String: any Sendable]]) ?? []).first
            #expect(firstError?["message"] as? String == localizer.text("error.required", .zhHans))
            let duplicates = (report.json["duplicates"] as? [[String: any Sendable]]) ?? []
            #expect(duplicates.compactMap { $0["line"] as? Int } == [6])
            #expect(duplicates.first?["sameAsLine"] as? Int == 2)
            #expect(report.json["ignoredColumns"] as? [String] == ["备注"])
            let found = try await api.call(client, .get, "/api/v1/customers?q=\("阿里".query)", as: "alice")
            #expect(found.items.count == 1)
            let ali = try #require(found.items.first)
            #expect(ali["tags"] as? [String] == ["重点", "VIP"])
            #expect((ali["profile"] as? [String: any Sendable])?["needs"] as? String == "平台推广服务")
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "bob").items.isEmpty)
            // The same file again: every good row is now a duplicate of an existing customer.
            let again = try await api.call(client, .post, "/api/v1/customers/import?fileName=c.csv", as: "bob",
                                           raw: Data(Self.csv.utf8), contentType: "text/csv")
            #expect(again.json["imported"] as? Int == 0)
            let owners = ((again.json["duplicates"] as? [[String: any Sendable]]) ?? []).compactMap {
                (($0["matches"] as? [[String: any Sendable]])?.first)?["ownerName"] as? String
            }
            #expect(owners.contains("Alice"))
        }
    }

    @Test(arguments: TestEngine.available)
    func importGB18030AndXLSX_readChineseCorrectly(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let text = "客户名称,地区\n上海东方瑞丰贸易有限公司,上海\n"
            let gb = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
            #expect(gb != Data(text.utf8))
            let csv = try await api.call(client, .post, "/api/v1/customers/import?fileName=gb.csv", as: "alice", raw: gb, contentType: "text/csv")
            #expect(csv.json["imported"] as? Int == 1)
            #expect(csv.json["encoding"] as? String == "gb18030")
            let table = Table(header: ["Name", "Region", "Phone"], rows: [["苏州新锐电子科技有限公司", "江苏", "0512-66668888"]])
            let xlsx = try XLSXWriter.write(table)
            let reply = try await api.call(client, .post, "/api/v1/customers/import?fileName=x.xlsx", as: "alice", raw: xlsx,
                                           contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(reply.json["imported"] as? Int == 1)
            let names = try await api.call(client, .get, "/api/v1/customers?q=\("瑞丰".query)", as: "alice").items.compactMap { $0["name"] as? String }
            #expect(names == ["上海东方瑞丰贸易有限公司"])
            #expect(try await api.call(client, .get, "/api/v1/customers?q=66668888", as: "alice").items.count == 1)
            let garbage = try await api.call(client, .post, "/api/v1/customers/import?fileName=x.xlsx", as: "alice",
                                             raw: Data("PK\u{3}\u{4}garbage".utf8), contentType: "application/octet-stream")
            #expect(garbage.status == 422)
            #expect(garbage.errorFields == ["file"])
            let noName = try await api.call(client, .post, "/api/v1/customers/import?fileName=n.csv", as: "alice",
                                            raw: Data("Phone\n123\n".utf8), contentType: "text/csv")
            #expect(noName.errorFields == ["header"])
        }
    }

    @Test(arguments: TestEngine.available)
    func export_thenImportElsewhere_losesNothing(engine: TestEngine) async throws {
        let exported = try await Self.exportFromWorld(engine)
        for format in ["csv", "xlsx"] {
            try await APIHarness.run(engine) { api, client in
                let field = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                    "object": "customer", "key": "level", "labelZh": "客户级别", "labelEn": "Level", "kind": "multiChoice", "options": ["A", "B"],
                ])
                #expect(field.status == 201)
                let data = try #require(exported[format])
                let report = try await api.call(client, .post, "/api/v1/customers/import?fileName=e.\(format)", as: "admin", raw: data)
                #expect(report.json["imported"] as? Int == 2, "\(report.text)")
                #expect(report.json["ignoredColumns"] as? [String] == [])
                let again = try await api.call(client, .get, "/api/v1/customers/export?format=csv", as: "admin")
                let before = try CSVReader.read(try #require(exported["csv"])).table
                let after = try CSVReader.read(Data(again.body)).table
                // Everything but the new ids and times comes back the same.
                let keep = before.header.indices.filter { !["编号 / ID", "创建时间 / Created", "更新时间 / Updated"].contains(before.header[$0]) }
                #expect(after.header == before.header)
                #expect(after.rows.map { row in keep.map { row[$0] } } == before.rows.map { row in keep.map { row[$0] } })
            }
        }
    }

    static func exportFromWorld(_ engine: TestEngine) async throws -> [String: Data] {
        let box = Box()
        try await APIHarness.run(engine) { api, client in
            _ = try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
                "object": "customer", "key": "level", "labelZh": "客户级别", "labelEn": "Level", "kind": "multiChoice", "options": ["A", "B"],
            ])
            _ = try await api.customer(client, "阿里巴巴（中国）有限公司", as: "admin", extra: [
                "kind": "enterprise", "size": "large", "industry": "电商", "region": "浙江", "source": "展会", "tags": ["重点", "VIP"],
                "status": "won", "phone": "0571-85022088", "email": "ir@alibaba.example", "registrationNumber": "91330100716105852F",
                "website": "https://alibaba.example", "address": "杭州市余杭区文一西路969号",
                "profile": ["needs": "多行\n需求, 含 \"引号\"", "credit": "按时付款", "importantDates": "3月续约"],
                "custom": ["level": ["A", "B"]],
            ])
            _ = try await api.customer(client, "=cmd|' /C calc'!A0 Ltd", as: "admin", extra: ["kind": "individual"])
            let csv = try await api.call(client, .get, "/api/v1/customers/export?format=csv", as: "admin")
            let xlsx = try await api.call(client, .get, "/api/v1/customers/export?format=xlsx", as: "admin")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            box.set(["csv": csv.body, "xlsx": xlsx.body])
        }
        return box.get()
    }
}

/// Carries a value out of a `@Sendable` closure.
final class Box: @unchecked Sendable {
    private var value: [String: Data] = [:]
    private let lock = NSLock()
    func set(_ new: [String: Data]) { lock.withLock { value = new } }
    func get() -> [String: Data] { lock.withLock { value } }
}

@Suite struct ContactTransferTests {
    @Test(arguments: TestEngine.available)
    func contacts_importByCustomerName_withReportingLines_andExportOnlyVisible(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            _ = try await api.customer(client, "宁波金桥五金有限公司", as: "alice")
            _ = try await api.customer(client, "Bob's Secret Co", as: "bob")
            let csv = """
                客户名称,姓名,职务,电话,影响力,参与度,教练,汇报对象
                宁波金桥五金有限公司,李工,采购专员,13900002222,中,3,是,王总
                宁波金桥五金有限公司,王总,总经理,13900001111,大,1,否,
                Bob's Secret Co,间谍,,,,,,
                不存在的公司,某人,,,,,,
                宁波金桥五金有限公司,张三,,,巨大,9,,
                """
            let report = try await api.call(client, .post, "/api/v1/contacts/import?fileName=k.csv", as: "alice", raw: Data(csv.utf8), contentType: "text/csv")
            #expect(report.status == 200)
            #expect(report.json["imported"] as? Int == 2)
            let rejected = (report.json["rejected"] as? [[String: any Sendable]]) ?? []
            #expect(rejected.compactMap { $0["line"] as? Int } == [4, 5, 6])
            let customer = try #require(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.first?["id"] as? String)
            let people = try await api.call(client, .get, "/api/v1/customers/\(customer)/contacts", as: "alice").items
            let boss = try #require(people.first { $0["name"] as? String == "王总" })
            let coach = try #require(people.first { $0["name"] as? String == "李工" })
            #expect(coach["reportsToID"] as? String == boss["id"] as? String)
            #expect(coach["isCoach"] as? Bool == true)
            #expect(boss["influence"] as? String == "high")
            let export = try await api.call(client, .get, "/api/v1/contacts/export", as: "alice")
            let table = try CSVReader.read(export.body).table
            #expect(Set(table.rows.map { $0[2] }) == ["李工", "王总"])
            #expect(table.rows.first { $0[2] == "李工" }?.last == "王总")
            let bobs = try await api.call(client, .get, "/api/v1/contacts/export", as: "bob")
            #expect(try CSVReader.read(bobs.body).table.rows.isEmpty)
        }
    }
}

extension ContactTransferTests {
    /// Key persons are written in bulk, yet each row is checked as one created alone would be: a
    /// phone or email already used — by a stored person or by an earlier row of the same file — is
    /// reported as a duplicate on its line, and every imported person is found by search at once.
    @Test(arguments: TestEngine.available)
    func contacts_importInBulk_reportsDuplicatesAsCreateWould_andIndexesThemForSearch(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let a = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let b = try #require(try await api.customer(client, "杭州青禾包装", as: "alice")["id"] as? String)
            let stored = try await api.call(client, .post, "/api/v1/customers/\(b)/contacts", as: "alice",
                                            json: ["name": "老客户", "phone": "139-1111-2222"])
            #expect(stored.status == 201)
            var lines = ["客户名称,姓名,电话,邮箱",
                         "宁波金桥五金有限公司,赵六,13800000001,",
                         "宁波金桥五金有限公司,钱七,13911112222,",
                         "杭州青禾包装,孙八,138 0000 0001,",
                         "杭州青禾包装,周九,,zhou@example.com",
                         "宁波金桥五金有限公司,吴十,,ZHOU@example.com"]
            lines += (0..<600).map { "宁波金桥五金有限公司,批量联系人\($0),137\(String(format: "%08d", $0)),"}
            let report = try await api.call(client, .post, "/api/v1/contacts/import?fileName=k.csv", as: "alice",
                                            raw: Data(lines.joined(separator: "\n").utf8), contentType: "text/csv")
            #expect(report.status == 200, "\(report.text.prefix(300))")
            #expect(report.json["imported"] as? Int == 602)
            let duplicates = (report.json["duplicates"] as? [[String: any Sendable]]) ?? []
            #expect(duplicates.compactMap { $0["line"] as? Int } == [3, 4, 6])
            let reasons = duplicates.map { (($0["matches"] as? [[String: any Sendable]])?.first?["reasons"] as? [String]) ?? [] }
            #expect(reasons == [["phone"], ["phone"], ["email"]])
            // Every imported person is in the search at once; the refused ones are not.
            for (query, found) in [("赵六", [a]), ("周九", [b]), ("批量联系人599", [a]), ("13700000123", [a]), ("孙八", [])] {
                let hits = try await api.call(client, .get, "/api/v1/customers?q=\(query.query)", as: "alice").items
                #expect(hits.compactMap { $0["id"] as? String } == found, "\(query)")
            }
            let people = try await api.call(client, .get, "/api/v1/customers/\(a)/contacts?limit=200", as: "alice")
            #expect(people.status == 200)
        }
    }
}
