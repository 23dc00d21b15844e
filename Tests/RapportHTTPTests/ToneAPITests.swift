import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportTestSupport
import Testing

/// The tone check, the after-deal summary draft, and tone rules an admin edits.
@Suite struct ToneAPITests {
    @Test(arguments: TestEngine.available)
    func rudeTexts_areFlaggedWithABetterWay_politeOnesPass(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let chinese = try await api.call(client, .post, "/api/v1/tone-check", as: "alice",
                                             json: ["text": "王经理，不是告诉您了吗？发货要等到下周。"])
            #expect(chinese.status == 200)
            let zhFinding = try #require(findings(chinese).first { $0["category"] as? String == "impatience" })
            #expect(zhFinding["phrase"] as? String == "不是告诉您了吗")
            #expect(zhFinding["language"] as? String == "zh-Hans")
            #expect(zhFinding["offset"] as? Int == 4)
            #expect((zhFinding["better"] as? String)?.isEmpty == false)
            #expect((zhFinding["why"] as? String)?.isEmpty == false)

            let english = try await api.call(client, .post, "/api/v1/tone-check", as: "alice",
                                             json: ["text": "As I already told you, the order ships next week."])
            let enFinding = try #require(findings(english).first { $0["category"] as? String == "impatience" })
            #expect((enFinding["phrase"] as? String)?.lowercased() == "as i already told you")
            #expect(enFinding["language"] as? String == "en")
            #expect((enFinding["better"] as? String)?.isEmpty == false)
            let take = try await api.call(client, .post, "/api/v1/tone-check", as: "bob",
                                          json: ["text": "That is our price, take it or leave it."])
            #expect(findings(take).contains { $0["category"] as? String == "provocation" })

            for polite in ["王经理您好，感谢您的耐心等待。您的订单已于今天发出，单号稍后发您，如有问题请随时联系我。",
                           "Hi Ms Chen, thank you for your patience. Your order left our warehouse today; I will send you the tracking number by 5 pm."] {
                let reply = try await api.call(client, .post, "/api/v1/tone-check", as: "alice", json: ["text": polite])
                #expect(reply.status == 200)
                #expect(findings(reply).isEmpty, "\(polite): \(findings(reply))")
            }

            let long = try await api.call(client, .post, "/api/v1/tone-check", as: "alice",
                                          json: ["text": String(repeating: "好", count: 20_001)])
            #expect(long.status == 422)
            #expect(long.errorFields == ["text"])
            let limit = try await api.call(client, .post, "/api/v1/tone-check", as: "alice",
                                           json: ["text": String(repeating: "a", count: 20_000)])
            #expect(limit.status == 200)
            let missing = try await api.call(client, .post, "/api/v1/tone-check", as: "alice", json: [:])
            #expect(missing.status == 400)
            #expect(missing.errorFields == ["text"])
            #expect(try await api.call(client, .post, "/api/v1/tone-check", as: nil, json: ["text": "hi"]).status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func summaryDraft_isWrittenInTheAskedLanguage_andNamesTheKeptPromise(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            let boss = try await api.keyPerson(client, customer, "王总", as: "alice")
            let kept = try #require(try await api.promise(client, customer, "寄送样品", due: api.today(plus: 2), as: "alice")["id"] as? String)
            #expect(try await api.call(client, .patch, "/api/v1/commitments/\(kept)", as: "alice",
                                       json: ["state": "done", "evidence": "顺丰单号 SF123", "version": 1]).status == 200)
            try await api.promise(client, customer, "安排工厂参观", due: api.today(plus: 9), as: "alice")
            try await api.call(client, .post, "/api/v1/customers/\(customer)/activities", as: "alice",
                               json: ["channel": "visit", "purpose": "样品确认", "outcome": "满意",
                                      "occurredAt": ISO8601DateFormatter().string(from: api.world.clock.now().addingTimeInterval(-86_400))])

            let english = try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft?lang=en&contact=\(boss)", as: "alice")
            #expect(english.status == 200)
            let text = try #require(english.string("text"))
            #expect(text.hasPrefix("Dear 王总,"))
            #expect(text.contains("What we delivered as promised:"))
            #expect(text.contains("寄送样品 — 顺丰单号 SF123"))
            #expect(!text.contains("安排工厂参观"))
            #expect(text.contains("样品确认: 满意"))
            #expect(text.hasSuffix("Alice"))
            let facts = try #require(english.json["facts"] as? [String: any Sendable])
            #expect((facts["kept"] as? [[String: any Sendable]])?.compactMap { $0["title"] as? String } == ["寄送样品"])
            #expect(facts["recipientName"] as? String == "王总")
            #expect(english.json["findings"] is [Any])

            let chinese = try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft", as: "alice",
                                             headers: [.acceptLanguage: "zh-CN"])
            let zhText = try #require(chinese.string("text"))
            #expect(zhText.hasPrefix("尊敬的宁波金桥五金有限公司："))
            #expect(zhText.contains("我们已兑现的承诺："))
            #expect(zhText.contains("寄送样品"))
            #expect(zhText != text)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft?lang=zh-Hans", as: "alice",
                                       headers: [.acceptLanguage: "en"]).string("text") == zhText)

            #expect(try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft", as: "bob").status == 404)
            let badLang = try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft?lang=fr", as: "alice")
            #expect(badLang.errorFields == ["lang"])
            let badDays = try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft?days=0", as: "alice")
            #expect(badDays.errorFields == ["days"])
            let strangeContact = try await api.call(client, .get, "/api/v1/customers/\(customer)/summary-draft?contact=\(UUID().uuidString)",
                                                    as: "alice")
            #expect(strangeContact.errorFields == ["contactID"])
        }
    }

    @Test(arguments: TestEngine.available)
    func editedToneRules_applyAtOnce_areChecked_andResetRestoresTheShippedOnes(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let app = api.world.app
            let phrase = "circle back never"
            func flagged() async throws -> Bool {
                let reply = try await api.call(client, .post, "/api/v1/tone-check", as: "alice", json: ["text": "We will \(phrase)."])
                return findings(reply).contains { $0["ruleID"] as? String == "en.test.circle-back" }
            }
            #expect(try await flagged() == false)
            let shipped = try await app.referenceData.file(api.world.admin, "tone-rules.en")
            #expect(shipped.version == 0)
            #expect(!shipped.edited)
            var document = try #require(try JSONSerialization.jsonObject(with: Data(shipped.content.utf8)) as? [String: Any])
            var rules = try #require(document["rules"] as? [[String: Any]])
            rules.append(["id": "en.test.circle-back", "category": "vague", "kind": "phrase", "patterns": [phrase],
                          "why": "It promises nothing.", "better": "Name a day."])
            document["rules"] = rules
            let edited = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)

            await #expect(throws: AppError.forbidden(reason: .adminOnly)) {
                try await app.referenceData.save(api.world.mia, "tone-rules.en", content: edited, version: 0)
            }
            await #expect(throws: AppError.self) { try await app.referenceData.file(api.world.alice, "tone-rules.en") }
            let saved = try await app.referenceData.save(api.world.admin, "tone-rules.en", content: edited, version: 0)
            #expect(saved.edited)
            #expect(saved.version == 1)
            #expect(try await flagged())
            await #expect(throws: AppError.conflict(currentVersion: 1)) {
                try await app.referenceData.save(api.world.admin, "tone-rules.en", content: edited, version: 0)
            }

            // Broken files are refused, naming `content`, and change nothing.
            for broken in ["{", "{\"id\": \"x\", \"language\": \"en\", \"rules\": [{\"id\": \"r\"}]}"] {
                do {
                    _ = try await app.referenceData.save(api.world.admin, "tone-rules.en", content: broken, version: 1)
                    Issue.record("a broken file was saved")
                } catch let AppError.invalid(errors) {
                    #expect(errors.map(\.field) == ["content"])
                }
            }
            #expect(try await app.referenceData.file(api.world.admin, "tone-rules.en").version == 1)
            #expect(try await flagged())
            await #expect(throws: AppError.notFound(entity: .referenceFile)) {
                try await app.referenceData.save(api.world.admin, "tone-rules.fr", content: edited, version: 0)
            }

            await #expect(throws: AppError.self) { try await app.referenceData.reset(api.world.bob, "tone-rules.en") }
            let reset = try await app.referenceData.reset(api.world.admin, "tone-rules.en")
            #expect(!reset.edited)
            #expect(reset.version == 0)
            #expect(reset.content == shipped.content)
            #expect(try await flagged() == false)
            let infos = try await app.referenceData.files(api.world.admin)
            #expect(infos.count == ReferenceFileName.allCases.count)
            #expect(infos.allSatisfy { !$0.edited })
        }
    }

    private func findings(_ reply: Reply) -> [[String: any Sendable]] {
        (reply.json["findings"] as? [[String: any Sendable]]) ?? []
    }
}
