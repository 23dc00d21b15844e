import Foundation
import RapportCore
import Testing

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle.standard
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func delays_areFreeAtFirst_thenDouble_upToTheCap() {
        #expect((0..<5).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 0, 0])
        #expect((5..<10).map { throttle.delay(afterFailures: $0) } == [1, 2, 4, 8, 16])
        #expect(throttle.delay(afterFailures: 40) == 15 * 60)
    }

    @Test func judge_countsTheAttemptInAdvance_andWaitsWhileADelayRuns() {
        var stored: SignInFailures?
        var now = start
        for expected in 1...5 {
            guard case .evaluate(let claim) = throttle.judge(stored, now: now) else {
                Issue.record("attempt \(expected) should be evaluated")
                return
            }
            #expect(claim.failures == expected)
            stored = claim
        }
        #expect(stored?.nextAllowedAt == now.addingTimeInterval(1))
        #expect(throttle.judge(stored, now: now) == .wait(seconds: 1))
        now = now.addingTimeInterval(1)
        guard case .evaluate(let sixth) = throttle.judge(stored, now: now) else {
            Issue.record("the sixth attempt should be evaluated after the wait")
            return
        }
        #expect(sixth.failures == 6)
        #expect(sixth.nextAllowedAt == now.addingTimeInterval(2))
    }

    @Test func oldFailures_areForgotten() {
        let old = SignInFailures(failures: 12, lastFailureAt: start, nextAllowedAt: start.addingTimeInterval(128))
        let later = start.addingTimeInterval(throttle.forgetAfter + 1)
        #expect(throttle.judge(old, now: later) == .evaluate(claim: SignInFailures(failures: 1, lastFailureAt: later, nextAllowedAt: later)))
    }
}
