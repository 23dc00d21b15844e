import RapportApp

extension ScheduledJob {
    /// The jobs `rapport serve` schedules and `rapport jobs` runs once, in this order. The hourly
    /// and daily ones claim their period and take their lease inside `BackgroundWork`; the
    /// scheduler takes the lease of the every-pass ones.
    public static let standard: [ScheduledJob] = [
        ScheduledJob("commitment-escalation", .everyPass) { app, _ in
            ["escalated": try await app.background.escalateOverdueCommitments()]
        },
        ScheduledJob("care-date-roll", .everyPass) { app, _ in
            ["rolled": try await app.background.rollCareDates()]
        },
        ScheduledJob("subscription-lapse", .everyPass) { app, _ in
            let lapsed = try await app.background.lapseEndedSubscriptions()
            return ["lapsed": lapsed, "noticed": try await app.background.noticeEndingSubscriptions()]
        },
        ScheduledJob("payment-reminders", .everyPass) { app, _ in
            ["sent": try await app.background.sendPaymentReminders()]
        },
        ScheduledJob(BackgroundWork.poolRecycleJob, .hourly) { app, process in
            try await app.background.runRecyclePassIfDue(process: process).map {
                ["recycled": $0.recycled.count, "warned": $0.warned.count]
            }
        },
        ScheduledJob(BackgroundWork.lifecycleRecomputeJob, .daily) { app, process in
            try await app.background.recomputeLifecyclesIfDue(process: process).map {
                ["changed": $0.changed, "examined": $0.examined]
            }
        },
        ScheduledJob(BackgroundWork.statisticsJob, .hourly) { app, process in
            try await app.background.refreshStatisticsIfDue(process: process).map { ["refreshed": $0 ? 1 : 0] }
        },
    ]
}
