/// The kinds of record that the audit log names and that a "not found" answer can be about: a
/// stable key that the edge translates (`entity.<case>` in both locale files; a test checks every
/// case). `record` is for an id that could be anything (a malformed path parameter).
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case record
    case customer, contact, activity, note, commitment, careDate, handover, personality, situation, result
    case customField, deal, dealStage, lifecycleFact, qualification, referral
    case order, paymentPlan, paymentInstalment, paymentReceipt, receipt, product, productCategory
    case subscription, winbackAttempt, pool, customerPool, merge, `import`
    case user, team, token, referenceFile, notice, savedView
}
