import Foundation
import RapportCore
import RapportStore

/// The work nobody asks for in a request: escalating overdue promises, moving care dates forward,
/// lapsing subscriptions, payment reminders, the pool's recycle pass, the lifecycle recompute. It
/// runs on the store's system session (named per job), never as a user; `RapportJobs` schedules it.
public struct BackgroundWork: Sendable {
    let deps: Dependencies
}
