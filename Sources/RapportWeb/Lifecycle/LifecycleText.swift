import Foundation
import RapportCore

/// Lifecycle words for pages: stage names and the reason sentences ("2 orders since 2025-03-01").
enum LifecycleText {
    static func stage(_ stage: LifecycleStage, _ env: PageEnvironment, _ language: Language) -> String {
        env.text("lifecycle.stage.\(stage.rawValue)", language)
    }

    /// The reason in the reader's language; a partnership's kind is translated too.
    static func reason(_ reason: LifecycleReason, _ env: PageEnvironment, _ language: Language) -> String {
        var arguments = reason.orderedArguments
        if reason.code == .partnership, let kind = reason.args["kind"].flatMap(LifecycleFactKind.init(rawValue:)) {
            arguments[0] = env.text("lifecycle.factKind.\(kind.rawValue)", language)
        }
        return env.text("lifecycle.reason.\(reason.code.rawValue)", language, arguments)
    }

    /// The message keys a lifecycle form may send back to the customer page (`?lifecycleProblem=`).
    static let problems: Set<String> = [
        "lifecycle.problem.evidence", "referral.problem.unknown", "referral.problem.ambiguous", "referral.problem.cycle",
        "qualification.problem.evidence", "qualification.problem.stale",
    ]
}
