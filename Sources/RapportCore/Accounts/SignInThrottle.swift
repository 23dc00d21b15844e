import Foundation

/// Failed sign-ins of one account from one source (client address), as stored.
public struct SignInFailures: Sendable, Equatable {
    public var failures: Int
    public var lastFailureAt: Date
    /// No attempt is evaluated before this instant.
    public var nextAllowedAt: Date

    public init(failures: Int, lastFailureAt: Date, nextAllowedAt: Date) {
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.nextAllowedAt = nextAllowedAt
    }
}

/// How sign-in attempts are slowed down (OWASP's guidance: throttle per account and source
/// together, with growing delays instead of a hard lock-out). The first `freeFailures` failures
/// cost nothing; each later one doubles the wait before the next attempt, up to `maxDelay`.
/// Failures older than `forgetAfter` are forgotten. An attacker from elsewhere never delays the
/// account's owner, and the owner's right password works again as soon as the wait is over.
public struct SignInThrottle: Sendable, Equatable {
    public var freeFailures: Int
    public var maxDelay: TimeInterval
    public var forgetAfter: TimeInterval

    public init(freeFailures: Int = 5, maxDelay: TimeInterval = 15 * 60, forgetAfter: TimeInterval = 3600) {
        self.freeFailures = freeFailures
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
    }

    public static let standard = SignInThrottle()

    /// The wait before the next attempt once `failures` failures are on record.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 30)
        return min(maxDelay, pow(2, Double(doublings)))
    }

    /// What to do with an attempt now, given the stored record: `.wait` (seconds, rounded up), or
    /// `.evaluate` with the record to claim first — the attempt counted as a failure in advance,
    /// so parallel attempts cannot outrun the count; a right password clears it afterwards.
    public func judge(_ stored: SignInFailures?, now: Date) -> SignInDecision {
        let current = stored.flatMap { now.timeIntervalSince($0.lastFailureAt) > forgetAfter ? nil : $0 }
        if let current, current.nextAllowedAt > now {
            return .wait(seconds: max(1, Int(current.nextAllowedAt.timeIntervalSince(now).rounded(.up))))
        }
        let failures = (current?.failures ?? 0) + 1
        return .evaluate(claim: SignInFailures(failures: failures, lastFailureAt: now,
                                               nextAllowedAt: now.addingTimeInterval(delay(afterFailures: failures))))
    }
}

/// The outcome of `SignInThrottle.judge`.
public enum SignInDecision: Sendable, Equatable {
    case wait(seconds: Int)
    case evaluate(claim: SignInFailures)
}
