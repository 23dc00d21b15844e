/// What is wrong with one input field: a stable key that clients may switch on and that the edge
/// translates (`error.<code>` in both locale files; a test checks every case). Codes whose text
/// names a limit (`tooLong`, `outOfRange`…) carry that limit in `FieldError.detail`.
public enum FieldCode: String, Sendable, Codable, CaseIterable {
    case required, invalid, unknown, malformed, wrongType
    case tooLong, tooShort, tooMany, tooLarge, outOfRange, fileTooLarge
    case notAnOption, duplicate, taken, same, unchanged, mismatch, wrong, ambiguous
    case future, inFuture, beforeStart
    case cycle, loop
    case inUse, inactive, hasMembers, hasOrder, hasReceipts, noAccess, forbidden
    case notAManager, notAssignable, notForYourself, otherCustomer
    case closed, notClosed, notChurned, notWon, hasBought, termRunning
    case currencyMismatch, exceedsOutstanding, sumMismatch
    case missingColumns, missingName, orderHasRejectedRows
    case poolCoolingOff, poolDailyCap, poolDefault, poolHoldingCap, poolLockCap, poolNotEmpty

    /// Whether the message shows a limit or an allowed range, so the error must carry it as `detail`.
    public var needsDetail: Bool {
        switch self {
        case .tooLong, .tooShort, .tooMany, .outOfRange: true
        default: false
        }
    }
}
