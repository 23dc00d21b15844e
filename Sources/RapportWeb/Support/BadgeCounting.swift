/// How a page gets the top bar's counts (`PageEnvironment.page(_:badges:_:)`).
enum BadgeCounting: Sendable {
    /// The few-second cache (`NavBadgeCache`): most pages.
    case cached
    /// Counted afresh: the notices page, whose list must agree with its count.
    case fresh
    /// Counted afresh by the handler once it knows what it can reuse (`PageEnvironment.countBadges`):
    /// the agenda page, whose own list is the agenda count.
    case byHandler
}
