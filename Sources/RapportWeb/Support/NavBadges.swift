import Foundation
import Logging
import RapportApp
import RapportCore
import RapportEdge

/// The counts the top bar shows beside "Agenda" and "Notices": what is on the user's agenda
/// today and how many notices they have not read.
struct NavBadges: PageModel, Equatable {
    var agenda: Int
    var notices: Int

    /// Loads both counts for a signed-in user (the agenda's only when `agendaCount` is not already
    /// known). The badges are a convenience: when loading fails the failure is logged and the page
    /// is shown without them (`nil`), never refused.
    static func load(_ app: Rapport, _ acting: Acting, agendaCount: Int?, logger: Logger) async -> NavBadges? {
        do {
            async let unread = app.notices.unreadCount(acting)
            let agenda: Int
            if let agendaCount { agenda = agendaCount } else { agenda = try await app.agenda.count(acting) }
            return NavBadges(agenda: agenda, notices: try await unread)
        } catch {
            // Cancelled: the page redirected or failed before showing the counts.
            if Task.isCancelled || error is CancellationError { return nil }
            logger.error("nav badges failed", metadata: ["error": "\(String(reflecting: error))"])
            return nil
        }
    }

    /// What the layout reads under `badges`.
    func child(named name: String) -> Any? {
        switch name {
        case "agenda": String(agenda)
        case "hasAgenda": agenda > 0
        case "notices": String(notices)
        case "hasNotices": notices > 0
        default: nil
        }
    }
}
