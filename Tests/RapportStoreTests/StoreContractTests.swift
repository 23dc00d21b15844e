import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The storage contract, run on SQLite and (with RAPPORT_TEST_POSTGRES_URL) on PostgreSQL.
@Suite struct StoreContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    func customer(_ name: String, owner: UserID? = nil, team: TeamID? = nil, phone: String = "", email: String = "") -> Customer {
        Customer(id: CustomerID(UUID()), name: name, kind: .enterprise, ownerID: owner, teamID: team, tags: ["重点", "VIP"],
                 phone: phone, email: email, profile: CustomerProfile(needs: "每季度采购"), custom: ["level": .text("A")],
                 createdAt: Self.t0, updatedAt: Self.t0)
    }

    @Test(arguments: TestEngine.available)
    func migrations_areIdempotentAndAtLatest(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let migrator = Migrator(store: db.store, now: { Date() })
        #expect(try await migrator.migrate().isEmpty)
        #expect(try await migrator.currentVersion() == Migrator.latestVersion)
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func customer_roundTripsEveryField_includingMillisecondTimes(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        var c = customer("阿里巴巴（中国）有限公司", phone: "138-1234-5678", email: "Sales@Example.com")
        c.size = .large
        c.deletedAt = Self.t0.addingTimeInterval(60)
        let saved = c
        try await db.all { try await $0.insertCustomer(saved) }
        let read = try await db.all { try await $0.customer(saved.id) }
        #expect(read == c)
        #expect(read?.createdAt.timeIntervalSince1970 == 1_790_000_000.123)
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func update_withStaleVersion_isAConflictAndChangesNothing(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let c = customer("Acme")
        try await db.all { try await $0.insertCustomer(c) }
        var changed = c
        changed.name = "Acme 2"
        changed.version = 2
        let first = changed
        try await db.all { try await $0.updateCustomer(first, expectedVersion: 1) }
        var stale = c
        stale.name = "Lost update"
        stale.version = 2
        let second = stale
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await db.all { try await $0.updateCustomer(second, expectedVersion: 1) }
        }
        #expect(try await db.all { try await $0.customer(c.id) }?.name == "Acme 2")
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func search_findsChineseFragmentsPhonesAndLatinCaseInsensitively(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let ali = customer("阿里巴巴（中国）有限公司", phone: "0571-8502-2088")
        let acme = customer("ACME Trading GmbH", email: "buyer@acme.example")
        let other = customer("杭州恒达纺织有限公司", phone: "13912345678")
        for c in [ali, acme, other] { try await db.all { try await $0.insertCustomer(c) } }
        func names(_ q: String) async throws -> [String] {
            try await db.all { try await $0.customers(CustomerQuery(search: q)) }.items.map(\.name).sorted()
        }
        #expect(try await names("阿里") == [ali.name])
        #expect(try await names("巴巴（中国") == [ali.name])
        #expect(try await names("有限公司") == [other.name, ali.name].sorted())
        #expect(try await names("阿") == [ali.name])
        #expect(try await names("acme") == [acme.name])
        #expect(try await names("trad") == [acme.name])
        #expect(try await names("139") == [other.name])
        #expect(try await names("8502") == [ali.name])
        #expect(try await names("buyer@acme") == [acme.name])
        #expect(try await names("不存在的公司").isEmpty)
        #expect(try await names("'; DROP TABLE customers; --").isEmpty)
        #expect(try await names("%").isEmpty)
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func search_findsCustomersByTheirContacts_andForgetsDeletedContacts(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let c = customer("Contoso")
        try await db.all { try await $0.insertCustomer(c) }
        var person = Contact(id: ContactID(UUID()), customerID: c.id, name: "张三丰", phone: "186 0000 1111",
                             createdAt: Self.t0, updatedAt: Self.t0)
        let inserted = person
        try await db.all { try await $0.insert(inserted) }
        func hits(_ q: String) async throws -> Int {
            try await db.all { try await $0.customers(CustomerQuery(search: q)) }.items.count
        }
        #expect(try await hits("三丰") == 1)
        #expect(try await hits("18600001111") == 1)
        person.deletedAt = Self.t0
        person.version = 2
        let deleted = person
        try await db.all { try await $0.update(deleted, expectedVersion: 1) }
        #expect(try await hits("三丰") == 0)
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func scope_limitsListsCountsAndReads(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let a = UserID(UUID()), b = UserID(UUID()), m = UserID(UUID())
        let teamA = TeamID(UUID()), teamB = TeamID(UUID())
        // Users and teams must exist for the foreign keys.
        for (id, team) in [(a, teamA), (b, teamB), (m, teamA)] {
            try await db.all { session in
                if try await session.catalog.team(team) == nil {
                    try await session.catalog.insertTeam(Team(id: team, name: team.description, managerID: nil, createdAt: Self.t0,
                                                              updatedAt: Self.t0, version: 1))
                }
                try await session.catalog.insertUser(User(id: id, username: id.description, displayName: "u", role: id == m ? .manager : .rep,
                                                          teamID: team, language: nil, timeZone: "UTC", disabled: false,
                                                          mustChangePassword: false, createdAt: Self.t0, updatedAt: Self.t0, version: 1),
                                                     passwordHash: "x")
            }
        }
        func viewer(_ id: UserID, teams: [TeamID]) async throws -> Viewer {
            let user = try #require(try await db.all { try await $0.catalog.user(id) }?.user)
            return Viewer.of(user, managedTeams: teams)
        }
        let mine = customer("Mine 阿里", owner: a, team: teamA)
        let theirs = customer("Theirs 阿里", owner: b, team: teamB)
        for c in [mine, theirs] { try await db.all { try await $0.insertCustomer(c) } }
        let rep = try await viewer(a, teams: [])
        #expect(try await db.store.read(as: rep) { try await $0.customers(CustomerQuery()) }.items.map(\.id) == [mine.id])
        #expect(try await db.store.read(as: rep) { try await $0.customers(CustomerQuery(search: "阿里")) }.items.map(\.id) == [mine.id])
        #expect(try await db.store.read(as: rep) { try await $0.customerCount(CustomerQuery()) } == 1)
        #expect(try await db.store.read(as: rep) { try await $0.customer(theirs.id) } == nil)
        let manager = try await viewer(m, teams: [teamA])
        #expect(try await db.store.read(as: manager) { try await $0.customers(CustomerQuery()) }.items.map(\.id) == [mine.id])
        #expect(try await db.all { try await $0.customerCount(CustomerQuery()) } == 2)
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func keysetPages_coverEveryRowOnceInOrder(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        var all: [Customer] = []
        for i in 0..<23 {
            var c = customer(String(format: "客户 %02d", i % 10))
            c.updatedAt = Self.t0.addingTimeInterval(Double(i % 4))
            all.append(c)
        }
        let rows = all
        try await db.all { session in for c in rows { try await session.insertCustomer(c) } }
        for (sort, descending) in [(CustomerSort.name, false), (.updatedAt, true), (.createdAt, false)] {
            var seen: [CustomerID] = []
            var query = CustomerQuery(sort: sort, descending: descending, limit: 5)
            var pages = 0
            while true {
                let q = query
                let page = try await db.all { try await $0.customers(q) }
                seen += page.items.map(\.id)
                pages += 1
                guard let next = page.nextCursor else { break }
                query.cursor = PageCursor(token: next)
            }
            #expect(pages == 5)
            #expect(Set(seen).count == 23)
            #expect(seen.count == 23)
        }
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func duplicates_matchNormalisedNamePhoneEmailAndRegistration(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        var c = customer("Ａｃｍｅ 有限公司", phone: "+86 138 0013 8000", email: "Sales@Acme.com")
        c.registrationNumber = "91330100MA27XYZ123"
        let saved = c
        try await db.all { try await $0.insertCustomer(saved) }
        func reasons(_ keys: DuplicateKeys) async throws -> [DuplicateReason] {
            try await db.all { try await $0.duplicateCustomers(of: keys) }.first?.reasons ?? []
        }
        #expect(try await reasons(DuplicateKeys(name: "acme有限公司", phone: "", email: "", registrationNumber: "")) == [.name])
        #expect(try await reasons(DuplicateKeys(name: "x", phone: "13800138000", email: "", registrationNumber: "")) == [.phone])
        #expect(try await reasons(DuplicateKeys(name: "x", phone: "", email: "sales@acme.com ", registrationNumber: "")) == [.email])
        #expect(try await reasons(DuplicateKeys(name: "x", phone: "", email: "", registrationNumber: "91330100ma27xyz123")) == [.registrationNumber])
        #expect(try await reasons(DuplicateKeys(name: "Other", phone: "1", email: "o@x.com", registrationNumber: "")).isEmpty)
        try await db.drop()
    }
}
