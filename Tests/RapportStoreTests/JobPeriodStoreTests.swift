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
}
