import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Job periods: each (job, period) is claimed by exactly one caller, also when claims race.
@Suite struct JobPeriodStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: TestEngine.available)
    func claimJobPeriod_isWonOnce_whenClaimedTwiceOrConcurrently(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let store = db.store
        #expect(try await store.systemWrite(.command("test")) { try await $0.claimJobPeriod(job: "pool-recycle", period: "p1", by: "a", at: Self.t0) })
        #expect(try await store.systemWrite(.command("test")) { try await $0.claimJobPeriod(job: "pool-recycle", period: "p1", by: "b", at: Self.t0) } == false)
        #expect(try await store.systemWrite(.command("test")) { try await $0.claimJobPeriod(job: "other", period: "p1", by: "b", at: Self.t0) })
        try await store.systemWrite(.command("test")) { try await $0.finishJobPeriod(job: "pool-recycle", period: "p1", at: Self.t0) }
        for round in 0..<5 {
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        try await store.systemWrite(.command("test")) {
                            try await $0.claimJobPeriod(job: "race", period: "r\(round)", by: "p\(index)", at: Self.t0)
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
        try await db.drop()
    }

    @Test(arguments: TestEngine.available)
    func jobLease_isHeldByOne_renewedByItsHolder_andTakenOverOnlyWhenExpired(engine: TestEngine) async throws {
        let db = try await TestDatabase.make(engine)
        let store = db.store
        let later = Self.t0.addingTimeInterval(60)
        func take(_ holder: String, at: Date) async throws -> Bool {
            try await store.systemWrite(.command("test")) {
                try await $0.takeJobLease(job: "pool-recycle", holder: holder, at: at, until: at.addingTimeInterval(900))
            }
        }
        #expect(try await take("a", at: Self.t0))
        #expect(try await take("b", at: later) == false)
        #expect(try await take("a", at: later))  // the holder renews
        #expect(try await take("b", at: later.addingTimeInterval(899)) == false)
        #expect(try await take("b", at: later.addingTimeInterval(901)))  // a crashed holder's lease ran out
        try await store.systemWrite(.command("test")) { try await $0.releaseJobLease(job: "pool-recycle", holder: "a") }
        #expect(try await take("c", at: later.addingTimeInterval(902)) == false)  // "a" could not release "b"'s lease
        try await store.systemWrite(.command("test")) { try await $0.releaseJobLease(job: "pool-recycle", holder: "b") }
        #expect(try await take("c", at: later.addingTimeInterval(903)))
        for round in 0..<5 {
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        try await store.systemWrite(.command("test")) {
                            try await $0.takeJobLease(job: "race\(round)", holder: "p\(index)", at: Self.t0, until: later)
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1, "round \(round)")
        }
        try await db.drop()
    }
}
