import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The storage contract for promises, notices, personalities, situations, results, care dates,
/// handovers and reference files, on SQLite and (with RAPPORT_TEST_POSTGRES_URL) PostgreSQL.
@Suite struct RelationshipStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    /// Two users in one team, each owning one customer.
    struct Fixture {
        let db: TestDatabase
        let team: TeamID
        let ann: UserID
        let ben: UserID
        let annCustomer: CustomerID
        let benCustomer: CustomerID

        let annViewer: Viewer
        let benViewer: Viewer

        var store: Store { db.store }

        /// Everything, as the system sees it (no user's scope).
        func all<T: Sendable>(_ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
            try await store.systemWrite(.command("test")) { try await body($0.unrestricted) }
        }

        /// The job queries.
        func job<T: Sendable>(_ body: @Sendable (SystemSession) async throws -> T) async throws -> T {
            try await store.systemWrite(.command("test"), body)
        }

        func asAnn<T: Sendable>(_ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
            try await store.write(as: annViewer, body)
        }

        func asBen<T: Sendable>(_ body: @Sendable (ScopedSession) async throws -> T) async throws -> T {
            try await store.write(as: benViewer, body)
        }

        static func make(_ engine: TestEngine) async throws -> Fixture {
            let db = try await TestDatabase.make(engine)
            let team = TeamID(UUID()), ann = UserID(UUID()), ben = UserID(UUID())
            let annCustomer = CustomerID(UUID()), benCustomer = CustomerID(UUID())
            let users = [(ann, "ann"), (ben, "ben")].map { id, name in
                User(id: id, username: name, displayName: name, role: .rep, teamID: team, language: nil,
                     timeZone: "Asia/Shanghai", disabled: false, mustChangePassword: false, createdAt: t0, updatedAt: t0, version: 1)
            }
            try await db.store.systemWrite(.command("test")) { session in
                try await session.catalog.insertTeam(Team(id: team, name: "East", managerID: nil, createdAt: t0, updatedAt: t0, version: 1))
                for user in users { try await session.catalog.insertUser(user, passwordHash: "x") }
                for (id, owner, name) in [(annCustomer, ann, "Ann Co"), (benCustomer, ben, "Ben Co")] {
                    try await session.unrestricted.insertCustomer(Customer(id: id, name: name, kind: .enterprise, ownerID: owner,
                                                                           teamID: team, createdAt: t0, updatedAt: t0))
                }
            }
            return Fixture(db: db, team: team, ann: ann, ben: ben, annCustomer: annCustomer, benCustomer: benCustomer,
                           annViewer: Viewer.of(users[0], managedTeams: []), benViewer: Viewer.of(users[1], managedTeams: []))
        }

        func promise(_ title: String, customer: CustomerID, owner: UserID, due: CalendarDate,
                     state: CommitmentState = .open) -> Commitment {
            Commitment(id: CommitmentID(UUID()), customerID: customer, contactID: nil, ownerID: owner, title: title,
                       details: "细节", dueOn: due, state: state, createdBy: owner, createdAt: t0, updatedAt: t0)
        }
    }

    static func day(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(parsing: text))
    }

    @Test(arguments: TestEngine.available)
    func commitments_roundTrip_conflictOnStaleVersions_andFilter(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        var kept = f.promise("寄送样品", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-20"))
        kept.closedAt = Self.t0.addingTimeInterval(5)
        kept.state = .done
        kept.evidence = "顺丰 SF123"
        let late = f.promise("报价", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-18"))
        let soon = f.promise("回电", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-25"))
        let bens = f.promise("Ben's", customer: f.benCustomer, owner: f.ben, due: try Self.day("2026-09-19"))
        let saved = kept
        try await f.all { session in
            for m in [saved, late, soon, bens] { try await session.insert(m) }
        }
        #expect(try await f.all { try await $0.record(Commitment.self, saved.id) } == saved)
        #expect(try await f.asBen { try await $0.record(Commitment.self, saved.id) } == nil)
        // A customer's list: open ones by due date, then the closed.
        #expect(try await f.all { try await $0.commitments(of: f.annCustomer) }.map(\.title) == ["报价", "回电", "寄送样品"])

        var changed = late
        changed.title = "报价（含运费）"
        changed.version = 2
        let first = changed
        try await f.all { try await $0.update(first, expectedVersion: 1) }
        var lost = late
        lost.title = "Lost"
        lost.version = 2
        let second = lost
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await f.all { try await $0.update(second, expectedVersion: 1) }
        }
        #expect(try await f.all { try await $0.record(Commitment.self, late.id) }?.title == "报价（含运费）")

        func titles(_ filter: CommitmentFilter, as viewer: Viewer? = nil) async throws -> [String] {
            let body: @Sendable (ScopedSession) async throws -> Page<Commitment> = { try await $0.commitments(filter, limit: 50, cursor: nil) }
            if let viewer { return try await f.store.read(as: viewer, body).items.map(\.title) }
            return try await f.all(body).items.map(\.title)
        }
        let today = try Self.day("2026-09-21")
        #expect(try await titles(CommitmentFilter(state: .open, dueBefore: today)) == ["报价（含运费）", "Ben's"])
        #expect(try await titles(CommitmentFilter(ownerID: f.ann, state: .open, dueBefore: today)) == ["报价（含运费）"])
        #expect(try await titles(CommitmentFilter(dueOnOrBefore: try Self.day("2026-09-20"))) == ["报价（含运费）", "Ben's", "寄送样品"])
        #expect(try await titles(CommitmentFilter(customerID: f.benCustomer)) == ["Ben's"])
        #expect(try await titles(CommitmentFilter(state: .done)) == ["寄送样品"])
        #expect(try await titles(CommitmentFilter(), as: f.benViewer) == ["Ben's"])

        // Pages of two cover all four once, in due order.
        var seen: [String] = []
        var cursor: PageCursor?
        repeat {
            let at = cursor
            let page = try await f.all { try await $0.commitments(CommitmentFilter(), limit: 2, cursor: at) }
            seen += page.items.map(\.title)
            cursor = page.nextCursor.flatMap { PageCursor(token: $0) }
        } while cursor != nil
        #expect(seen == ["报价（含运费）", "Ben's", "寄送样品", "回电"])

        // Deleted promises leave the lists but stay readable for restore.
        var deleted = soon
        deleted.deletedAt = Self.t0
        deleted.version = 2
        let gone = deleted
        try await f.all { try await $0.update(gone, expectedVersion: 1) }
        #expect(try await titles(CommitmentFilter(ownerID: f.ann)) == ["报价（含运费）", "寄送样品"])
        #expect(try await f.all { try await $0.record(Commitment.self, soon.id) }?.deletedAt != nil)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func escalation_claimsEachOverduePromiseOnce_andTransferMovesOnlyOpenOnes(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        let late = f.promise("late", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-18"))
        let due = f.promise("due today", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-21"))
        let closed = f.promise("closed", customer: f.annCustomer, owner: f.ann, due: try Self.day("2026-09-10"), state: .cancelled)
        try await f.all { session in for m in [late, due, closed] { try await session.insert(m) } }
        let today = try Self.day("2026-09-21")
        #expect(try await f.job { try await $0.unescalatedOverdueCommitments(before: today, limit: 10) }.map(\.id) == [late.id])
        #expect(try await f.job { try await $0.markEscalated(late.id, at: Self.t0) })
        #expect(try await f.job { try await $0.markEscalated(late.id, at: Self.t0.addingTimeInterval(60)) } == false)
        #expect(try await f.job { try await $0.unescalatedOverdueCommitments(before: today, limit: 10) }.isEmpty)
        #expect(try await f.all { try await $0.record(Commitment.self, late.id) }?.escalatedAt == Self.t0)

        let moved = try await f.all {
            try await $0.transferOpenCommitments(of: f.annCustomer, from: f.ann, to: f.ben, at: Self.t0.addingTimeInterval(1))
        }
        #expect(moved == 2)
        let after = try await f.all { try await $0.commitments(of: f.annCustomer) }
        #expect(after.filter { $0.state == .open }.allSatisfy { $0.ownerID == f.ben && $0.version == 2 })
        #expect(after.first { $0.id == closed.id }?.ownerID == f.ann)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func notices_areWrittenOncePerRecipientKindAndSubject_andPageNewestFirst(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        let subject = UUID().uuidString.lowercased()
        @Sendable func notice(_ to: UserID, _ kind: NoticeKind, _ subject: String, at offset: TimeInterval) -> Notice {
            Notice(id: NoticeID(UUID()), recipientID: to, kind: kind, subjectID: subject, customerID: f.annCustomer,
                   payload: ["title": "报价", "dueOn": "2026-09-18"], createdAt: Self.t0.addingTimeInterval(offset))
        }
        let first = notice(f.ann, .commitmentOverdue, subject, at: 0)
        #expect(try await f.all { try await $0.catalog.insertNotice(first) })
        #expect(try await f.all { try await $0.catalog.insertNotice(notice(f.ann, .commitmentOverdue, subject, at: 1)) } == false)
        #expect(try await f.all { try await $0.catalog.insertNotice(notice(f.ben, .commitmentOverdue, subject, at: 2)) })
        #expect(try await f.all { try await $0.catalog.insertNotice(notice(f.ann, .handoverReceived, subject, at: 3)) })
        #expect(try await f.all { try await $0.catalog.insertNotice(notice(f.ann, .commitmentOverdue, "other", at: 4)) })
        let page = try await f.asAnn { try await $0.myNotices(unreadOnly: false, limit: 2, cursor: nil) }
        #expect(page.items.map(\.subjectID) == ["other", subject])
        #expect(page.items.last?.kind == .handoverReceived)
        let next = try #require(page.nextCursor.flatMap { PageCursor(token: $0) })
        let rest = try await f.asAnn { try await $0.myNotices(unreadOnly: false, limit: 2, cursor: next) }
        #expect(rest.items == [first])
        #expect(rest.nextCursor == nil)
        #expect(try await f.asAnn { try await $0.myUnreadNoticeCount() } == 3)
        try await f.asAnn { try await $0.markMyNoticesRead(id: first.id, at: Self.t0) }
        try await f.asBen { try await $0.markMyNoticesRead(id: nil, at: Self.t0) }
        #expect(try await f.asAnn { try await $0.myUnreadNoticeCount() } == 2)
        #expect(try await f.asBen { try await $0.myUnreadNoticeCount() } == 0)
        try await f.asAnn { try await $0.markMyNoticesRead(id: nil, at: Self.t0) }
        #expect(try await f.asAnn { try await $0.myNotices(unreadOnly: true, limit: 10, cursor: nil) }.items.isEmpty)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func personalities_andSituations_createAtVersionZero_andConflictWhenStale(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        let contact = Contact(id: ContactID(UUID()), customerID: f.annCustomer, name: "王总", createdAt: Self.t0, updatedAt: Self.t0)
        try await f.all { try await $0.insert(contact) }
        let personality = Personality(temperament: .powerful, suggestedTemperament: .perfect, answers: ["pace.risk": "staysSafe"],
                                      confirmedBy: f.ann, confirmedAt: Self.t0, buyerType: .faultFinding, onlineType: .bargainer)
        let stored = StoredPersonality(customerID: f.annCustomer, contactID: contact.id, personality: personality, version: 0)
        try await f.all { try await $0.savePersonality(stored, updatedAt: Self.t0, expectedVersion: 0) }
        let read = try await f.all { try await $0.personalities(subjects: [contact.id.description]) }[contact.id.description]
        #expect(read?.personality == personality)
        #expect(read?.version == 1)
        #expect(try await f.all { try await $0.personalities(of: f.annCustomer) }.map(\.subjectID) == [contact.id.description])
        await #expect(throws: StoreError.versionConflict(current: 1)) {
            try await f.all { try await $0.savePersonality(stored, updatedAt: Self.t0, expectedVersion: 0) }
        }
        var calmer = stored
        calmer.personality.temperament = .peaceful
        calmer.personality.buyerType = nil
        let update = calmer
        try await f.all { try await $0.savePersonality(update, updatedAt: Self.t0, expectedVersion: 1) }
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await f.all { try await $0.savePersonality(update, updatedAt: Self.t0, expectedVersion: 1) }
        }
        let reread = try await f.all { try await $0.personalities(subjects: [contact.id.description]) }[contact.id.description]
        #expect(reread?.personality.temperament == .peaceful)
        #expect(reread?.personality.buyerType == nil)
        #expect(reread?.version == 2)
        let mix = try await f.all { try await $0.personalityMix() }
        #expect(mix == [PersonalityMixRow(ownerID: f.ann, status: .potential, temperament: .peaceful, buyerType: nil, count: 1)])
        #expect(try await f.asBen { try await $0.personalityMix() }.isEmpty)

        let situation = CustomerSituation(joinReasons: [.lowerCosts, .credibility], motivation: .profitDriven, businessType: .retail)
        #expect(try await f.all { try await $0.situation(of: f.annCustomer) } == nil)
        try await f.all { try await $0.saveSituation(situation, of: f.annCustomer, updatedAt: Self.t0, expectedVersion: 0) }
        let found = try await f.all { try await $0.situation(of: f.annCustomer) }
        #expect(found?.0 == situation)
        #expect(found?.version == 1)
        await #expect(throws: StoreError.versionConflict(current: 1)) {
            try await f.all { try await $0.saveSituation(situation, of: f.annCustomer, updatedAt: Self.t0, expectedVersion: 0) }
        }
        let plain = CustomerSituation(joinReasons: [], motivation: nil, businessType: .service)
        try await f.all { try await $0.saveSituation(plain, of: f.annCustomer, updatedAt: Self.t0, expectedVersion: 1) }
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await f.all { try await $0.saveSituation(plain, of: f.annCustomer, updatedAt: Self.t0, expectedVersion: 1) }
        }
        #expect(try await f.all { try await $0.situation(of: f.annCustomer) }?.0 == plain)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func results_listOldestFirst_andSoftDeleteWithinTheirCustomerOnly(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        let newer = CustomerResult(id: CustomerResultID(UUID()), customerID: f.annCustomer,
                                   record: ResultRecord(on: try Self.day("2026-03-01"), measure: .revenue, value: 12_345_678_901),
                                   note: "大单", recordedBy: f.ann, createdAt: Self.t0)
        let older = CustomerResult(id: CustomerResultID(UUID()), customerID: f.annCustomer,
                                   record: ResultRecord(on: try Self.day("2025-03-01"), measure: .longTermCustomers, value: 2),
                                   recordedBy: nil, createdAt: Self.t0)
        try await f.all { session in for r in [newer, older] { try await session.insertResult(r) } }
        #expect(try await f.all { try await $0.results(of: f.annCustomer) } == [older, newer])
        #expect(try await f.all { try await $0.setResultDeleted(newer.id, of: f.benCustomer, at: Self.t0) } == false)
        #expect(try await f.all { try await $0.setResultDeleted(newer.id, of: f.annCustomer, at: Self.t0) })
        #expect(try await f.all { try await $0.results(of: f.annCustomer) } == [older])
        #expect(try await f.all { try await $0.setResultDeleted(newer.id, of: f.annCustomer, at: nil) })
        #expect(try await f.all { try await $0.results(of: f.annCustomer) }.count == 2)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func careDates_areFoundByOwnerAndNextDay_andRollForward(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        func care(_ customer: CustomerID, _ date: CareDate, next: String) throws -> CustomerCareDate {
            CustomerCareDate(id: CareDateID(UUID()), customerID: customer, contactID: nil, date: date, nextOn: try Self.day(next),
                             createdAt: Self.t0, updatedAt: Self.t0)
        }
        let lunar = try care(f.annCustomer, CareDate(kind: .birthday, calendar: .lunar, month: 8, day: 15, leapMonth: false,
                                                     year: 1970, leadDays: 3, title: "王总生日"), next: "2026-09-25")
        let founding = try care(f.annCustomer, CareDate(kind: .founding, month: 10, day: 1), next: "2026-10-01")
        let passed = try care(f.annCustomer, CareDate(kind: .honour, month: 9, day: 1), next: "2026-09-01")
        let bens = try care(f.benCustomer, CareDate(kind: .other, month: 9, day: 22), next: "2026-09-22")
        try await f.all { session in
            for d in [lunar, founding, passed] { try await session.insertCareDate(d) }
            try await session.insertCareDate(bens)
        }
        #expect(try await f.all { try await $0.record(CustomerCareDate.self, lunar.id) } == lunar)
        #expect(try await f.asBen { try await $0.record(CustomerCareDate.self, lunar.id) } == nil)
        #expect(try await f.all { try await $0.careDates(of: f.annCustomer) }.map(\.id) == [passed.id, lunar.id, founding.id])
        // Reminders start lead days before the next occurrence: passed 08-29, founding 09-17, bens 09-15, lunar 09-22.
        let from = try Self.day("2026-08-25"), through = try Self.day("2026-09-20")
        #expect(try await f.all { try await $0.careDates(ownedBy: [f.ann], remindFrom: from, through: through) }.map(\.id)
                == [passed.id, founding.id])
        #expect(try await f.all { try await $0.careDates(ownedBy: [f.ann], remindFrom: try Self.day("2026-09-02"), through: through) }
                .map(\.id) == [founding.id])
        #expect(try await f.all { try await $0.careDates(ownedBy: [f.ann, f.ben], remindFrom: from, through: through) }.map(\.id)
                == [passed.id, bens.id, founding.id])
        #expect(try await f.all { try await $0.careDates(ownedBy: [], remindFrom: from, through: through) }.isEmpty)
        #expect(try await f.all { try await $0.ownsLiveCustomers([f.ann, f.ben]) })
        #expect(try await f.all { try await $0.ownsLiveCustomers([]) } == false)
        try await f.all { try await $0.setCareDatesOwner(of: f.benCustomer, to: f.ann) }
        #expect(try await f.all { try await $0.careDates(ownedBy: [f.ann], remindFrom: from, through: through) }.map(\.id)
                == [passed.id, bens.id, founding.id])
        try await f.all { try await $0.setCareDatesOwner(of: f.benCustomer, to: f.ben) }

        #expect(try await f.job { try await $0.staleCareDates(before: try Self.day("2026-09-21"), limit: 10) }.map(\.id) == [passed.id])
        try await f.job { try await $0.setCareDateNext(passed, nextOn: try Self.day("2027-09-01")) }
        #expect(try await f.job { try await $0.staleCareDates(before: try Self.day("2026-09-21"), limit: 10) }.isEmpty)
        #expect(try await f.all { try await $0.record(CustomerCareDate.self, passed.id) }?.version == 1)

        var moved = lunar
        moved.date.leadDays = 10
        moved.version = 2
        let update = moved
        try await f.all { try await $0.update(update, expectedVersion: 1) }
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await f.all { try await $0.update(update, expectedVersion: 1) }
        }
        var deleted = moved
        deleted.deletedAt = Self.t0
        deleted.version = 3
        let gone = deleted
        try await f.all { try await $0.update(gone, expectedVersion: 2) }
        #expect(try await f.all { try await $0.careDates(of: f.annCustomer) }.map(\.id) == [founding.id, passed.id])
        #expect(try await f.all { try await $0.careDates(ownedBy: [f.ann], remindFrom: from, through: through) }.map(\.id)
                == [founding.id])
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func handovers_stayUnreadUntilMarked_andKeepTheirSnapshot(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        let summary = HandoverSummary(
            customerName: "Ann Co", previousOwnerName: "ann", activityCount: 3, noteCount: 1,
            recentActivities: [.init(on: "2026-09-01", text: "visit · 初次拜访")],
            openCommitments: [.init(on: "2026-09-25", text: "寄送样品")],
            keyPersons: [.init(id: ContactID(UUID()), name: "王总", title: "总经理", temperament: "powerful", buyerType: nil)],
            expectationLevel: "between", expectationText: "orders: 1 / 1–3")
        let handover = Handover(id: HandoverID(UUID()), customerID: f.annCustomer, fromUserID: f.ann, toUserID: f.ben,
                                summary: summary, createdBy: nil, createdAt: Self.t0)
        let older = Handover(id: HandoverID(UUID()), customerID: f.benCustomer, fromUserID: nil, toUserID: f.ben,
                             summary: summary, createdBy: f.ann, createdAt: Self.t0.addingTimeInterval(-60))
        try await f.all { session in for h in [handover, older] { try await session.insertHandover(h) } }
        #expect(try await f.all { try await $0.handover(handover.id) } == handover)
        #expect(try await f.asBen { try await $0.handover(handover.id) } == nil)
        #expect(try await f.all { try await $0.handovers(of: f.annCustomer) } == [handover])
        #expect(try await f.all { try await $0.unreadHandovers(to: [f.ben], limit: 10) }.map(\.id) == [older.id, handover.id])
        #expect(try await f.all { try await $0.unreadHandovers(to: [f.ann], limit: 10) }.isEmpty)
        try await f.all { try await $0.markHandoverRead(handover.id, at: Self.t0) }
        try await f.all { try await $0.markHandoverRead(handover.id, at: Self.t0.addingTimeInterval(99)) }
        #expect(try await f.all { try await $0.unreadHandovers(to: [f.ben], limit: 10) }.map(\.id) == [older.id])
        #expect(try await f.all { try await $0.handover(handover.id) }?.readAt == Self.t0)
        try await f.db.drop()
    }

    @Test(arguments: TestEngine.available)
    func referenceFiles_saveAtVersionZero_conflictWhenStale_andReset(engine: TestEngine) async throws {
        let f = try await Fixture.make(engine)
        #expect(try await f.all { try await $0.catalog.referenceFile("holidays") } == nil)
        #expect(try await f.all { try await $0.catalog.referenceFileVersions() }.isEmpty)
        let file = StoredReferenceFile(name: "holidays", content: "{\"holidays\": []}", updatedBy: f.ann, updatedAt: Self.t0, version: 0)
        try await f.all { try await $0.catalog.saveReferenceFile(file, expectedVersion: 0) }
        #expect(try await f.all { try await $0.catalog.referenceFile("holidays") }
                == StoredReferenceFile(name: "holidays", content: file.content, updatedBy: f.ann, updatedAt: Self.t0, version: 1))
        await #expect(throws: StoreError.versionConflict(current: 1)) {
            try await f.all { try await $0.catalog.saveReferenceFile(file, expectedVersion: 0) }
        }
        var second = file
        second.content = "{\"holidays\": [1]}"
        let edit = second
        try await f.all { try await $0.catalog.saveReferenceFile(edit, expectedVersion: 1) }
        await #expect(throws: StoreError.versionConflict(current: 2)) {
            try await f.all { try await $0.catalog.saveReferenceFile(edit, expectedVersion: 1) }
        }
        #expect(try await f.all { try await $0.catalog.referenceFileVersions() } == ["holidays": 2])
        try await f.all { try await $0.catalog.deleteReferenceFile("holidays") }
        #expect(try await f.all { try await $0.catalog.referenceFile("holidays") } == nil)
        await #expect(throws: StoreError.versionConflict(current: 0)) {
            try await f.all { try await $0.catalog.saveReferenceFile(edit, expectedVersion: 2) }
        }
        try await f.db.drop()
    }
}
