import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    /// The job name under which recycle passes claim their periods.
    public static let poolRecycleJob = "pool-recycle"

    /// Runs one recycle pass over every pool with rules, now: owned customers whose rule is due
    /// return to their pool (owner and team cleared, pool row, `recycled` event, audit line and a
    /// notice to the previous owner); customers due within the warning days get one notice per
    /// due date. With `dryRun` nothing is written and the report says what would happen.
    /// A real pass holds the job's database lease, the same one the hourly pass takes: a second
    /// pass started meanwhile (another server, another shell) fails with `AppError.busy`.
    public func runRecyclePass(dryRun: Bool = false) async throws -> RecycleReport {
        if dryRun { return try await recyclePass(dryRun: true, renew: {}) }
        guard let report = try await withLease(Self.poolRecycleJob, { try await recyclePass(dryRun: false, renew: $0) }) else {
            throw AppError.busy(job: Self.poolRecycleJob)
        }
        return report
    }

    private func recyclePass(dryRun: Bool, renew: @escaping @Sendable () async throws -> Void) async throws -> RecycleReport {
        let now = deps.env.now()
        let purpose = SystemPurpose.job(Self.poolRecycleJob)
        let pools = try await deps.systemRead(purpose) { try await $0.catalog.pools() }
        var report = RecycleReport(dryRun: dryRun)
        for pool in pools where pool.rules.recycles {
            let candidates = try await deps.systemRead(purpose) { try await $0.recycleCandidates(pool, now: now) }
            report.judged += candidates.count
            let (recycle, warn) = Self.sort(candidates, rules: pool.rules, now: now)
            report.warned += warn
            if dryRun {
                report.recycled += recycle
                continue
            }
            var start = 0
            while start < recycle.count {
                let chunk = Array(recycle[start..<min(recycle.count, start + 5000)])
                start += 5000
                try await renew()
                report.recycled += try await writeRecycled(chunk, now: now)
            }
            try await writeWarnings(warn, now: now)
        }
        return report
    }

    /// Runs the recycle pass unless this hour's pass already ran (in this process or any other
    /// sharing the database); `nil` when it did not run. While a manual pass holds the lease the
    /// hour is not claimed, so a later tick of the hour runs it.
    public func runRecyclePassIfDue(process: String) async throws -> RecycleReport? {
        try await runIfDue(Self.poolRecycleJob, period: Self.hourPeriod(deps.env.now()), process: process) { renew in
            try await recyclePass(dryRun: false, renew: renew)
        }
    }

    static func sort(_ candidates: [RecycleCandidate], rules: PoolRules, now: Date) -> ([RecycleItem], [RecycleItem]) {
        var recycle: [RecycleItem] = [], warn: [RecycleItem] = []
        for c in candidates {
            let decision = RecycleDecision.judge(c.facts, rules: rules, now: now)
            let item = RecycleItem(customerID: c.customerID, customerName: c.customerName, ownerID: c.ownerID,
                                   poolID: c.poolID, reason: decision.reason, due: decision.due)
            switch decision.action {
            case .recycle: recycle.append(item)
            case .warn(let days):
                var warned = item
                warned.daysLeft = days
                warn.append(warned)
            case .keep: break
            }
        }
        return (recycle, warn)
    }

    private func writeRecycled(_ items: [RecycleItem], now: Date) async throws -> [RecycleItem] {
        let rows = items.map { RecycleRow(item: $0, eventID: deps.env.newID(), auditID: deps.env.newUUID(), noticeID: deps.env.newID()) }
        let done = try await deps.systemWrite(.job(Self.poolRecycleJob)) { try await $0.recycle(rows, at: now) }
        return items.filter { done.contains($0.customerID) }
    }

    /// One warning per customer and due date: a follow-up moves the due date, so a later
    /// neglect warns again.
    private func writeWarnings(_ items: [RecycleItem], now: Date) async throws {
        guard !items.isEmpty else { return }
        let notices = items.map { item in
            let due = item.due.map { CalendarDate.today(in: .gmt, at: $0).description } ?? ""
            return Notice(id: deps.env.newID(), recipientID: item.ownerID, kind: .poolRecycleWarning,
                          subjectID: "\(item.customerID)/\(due)", customerID: item.customerID,
                          payload: ["customerName": item.customerName, "daysLeft": String(item.daysLeft ?? 0),
                                    "reason": item.reason.rawValue, "dueOn": due],
                          createdAt: now)
        }
        _ = try await deps.systemWrite(.job(Self.poolRecycleJob)) { try await $0.catalog.insertNotices(notices) }
    }
}
