import RapportCore

/// What a use case can refuse with. The HTTP and page layers map each case once.
public enum AppError: Error, Sendable, Equatable {
    /// No such record, or one the acting user may not see (the two look the same on purpose).
    case notFound(entity: RecordKind)
    /// The user may see the record but not take this action.
    case forbidden(reason: ForbiddenReason)
    /// Not signed in, or the credentials are wrong.
    case unauthenticated
    /// The input has field errors.
    case invalid([FieldError])
    /// The record changed since the caller read it.
    case conflict(currentVersion: Int)
    /// The record looks like existing ones; pass `allowDuplicate` to create it anyway.
    case duplicate([DuplicateMatch])
    /// Too many failed sign-ins; retry after the given seconds.
    case rateLimited(retryAfter: Int)
    /// The user must change a one-time password first.
    case passwordChangeRequired
    /// Another process holds the lease of this background job (for example a recycle pass
    /// started from another server or shell); try again when it has finished.
    case busy(job: String)
}
