import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /agenda`: what the user should see to today — overdue promises, promises due today, planned
/// calls and visits, care dates and holidays coming, handovers to read — grouped, each with the
/// customer, the person and their guidance card. Managers pick a team member with `?user=<id>`;
/// their own agenda also lists their teams' overdue promises.
struct AgendaPage: Sendable {
    let env: PageEnvironment

    /// The top bar is counted by the handler, which knows the agenda's size (`countBadges`).
    func register(on router: RouterGroup<SessionContext>) {
        router.get("agenda", use: env.page(.signedIn, badges: .byHandler, show))
    }

    /// The groups in the order a rep works through them.
    enum Group: String, CaseIterable {
        case overdue, teamOverdue, dueToday, planned, careDates, holidays, handovers, poolRecycle
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        var subjectID: UserID?
        if let raw = page.query.nonEmpty("user") {
            guard let id = UserID(raw) else { throw AppError.notFound(entity: .user) }
            subjectID = id
        }
        async let agendaLoad = env.app.agenda.build(acting, for: subjectID, language: language)
        async let directoryLoad = Directory.load(env.app, acting)
        let (agenda, people) = try await (agendaLoad, directoryLoad)
        let own = agenda.userID == acting.id
        // The top bar's agenda count is this list's size when it is the user's own agenda.
        var page = page
        env.countBadges(&page, agendaCount: own ? agenda.items.count : nil)

        var grouped: [Group: [AgendaModel.Item]] = [:]
        for item in agenda.items {
            let group = Self.group(of: item, subject: agenda.userID)
            grouped[group, default: []].append(row(item, group: group, people: people, showOwner: !own, language: language))
        }
        let groups: [AgendaModel.Group] = Group.allCases.compactMap { group in
            guard let rows = grouped[group], !rows.isEmpty else { return nil }
            return AgendaModel.Group(key: group.rawValue, title: env.text("agenda.group.\(group.rawValue)", language),
                                     items: rows)
        }
        var memberOptions: [Choice] = []
        if acting.isManager {
            let members = people.assignableOwners(acting).filter { $0.id != acting.id }
            if !members.isEmpty {
                memberOptions = Choices.list([(acting.id.description, env.text("agenda.mine", language))],
                                             selected: agenda.userID.description)
                memberOptions += people.userChoices(members, selected: agenda.userID, blank: nil)
            }
        }
        let model = AgendaModel(
            groups: groups,
            todayLine: env.text("agenda.today", language, [agenda.today.description]),
            isOwn: own,
            morePromises: agenda.morePromises,
            whoseLine: own ? "" : env.text("agenda.whose", language, [people.name(agenda.userID)]),
            memberOptions: memberOptions)
        return try await env.render("agenda", page, title: "agenda.title", model: model)
    }

    static func group(of item: AgendaItem, subject: UserID) -> Group {
        switch item.kind {
        case .commitmentOverdue: item.userID == nil || item.userID == subject ? .overdue : .teamOverdue
        case .commitmentDue: .dueToday
        case .plannedContact: .planned
        case .careDate: .careDates
        case .holiday: .holidays
        case .handover: .handovers
        case .poolRecycle: .poolRecycle
        }
    }

    private func row(_ item: AgendaItem, group: Group, people: Directory, showOwner: Bool,
                     language: Language) -> AgendaModel.Item {
        // A handover's title is the customer's name, which the line shows anyway.
        let title = item.kind == .handover ? env.text("agenda.handoverTitle", language)
            : item.kind == .poolRecycle ? env.text("agenda.poolTitle", language, [env.text("pool.reason.\(item.title)", language)])
            : item.title
        var composeURL: String?
        if let customerID = item.customerID, item.kind != .holiday {
            var query = FormData()
            if let contact = item.contactID { query.set("contact", contact.description) }
            composeURL = query.url("/customers/\(customerID)/compose")
        }
        let guidance = item.guidance.map { GuidanceCardView.sections($0, env: env, language: language) } ?? []
        let owner = people.name(item.userID)
        return AgendaModel.Item(
            title: title,
            kind: item.kind.rawValue,
            when: when(item, language: language),
            late: item.kind == .commitmentOverdue,
            customerName: item.customerName ?? "",
            customerURL: item.customerID.map { "/customers/\($0)" },
            personName: item.personName,
            personURL: item.contactID.map { "/contacts/\($0)" },
            owner: owner,
            showOwner: !owner.isEmpty && (group == .teamOverdue || (showOwner && item.kind != .holiday)),
            link: link(item),
            linkLabel: env.text("agenda.open.\(item.kind.rawValue)", language),
            composeURL: composeURL,
            guidance: guidance)
    }

    /// Days late, due today, or days to go.
    private func when(_ item: AgendaItem, language: Language) -> String {
        switch item.kind {
        case .commitmentOverdue:
            return env.text("agenda.daysLate", language, [String(item.days), item.date.description])
        case .commitmentDue:
            return env.text("agenda.dueToday", language)
        case .handover:
            return env.text("agenda.received", language, [item.date.description])
        case .poolRecycle:
            return item.days == 0 ? env.text("agenda.poolDue", language)
                : env.text("agenda.poolIn", language, [String(item.days), item.date.description])
        case .plannedContact, .careDate, .holiday:
            switch item.days {
            case 0: return env.text("agenda.onToday", language)
            case 1: return env.text("agenda.tomorrow", language, [item.date.description])
            default: return env.text("agenda.daysToGo", language, [String(item.days), item.date.description])
            }
        }
    }

    /// Where an item's own record is edited or read.
    private func link(_ item: AgendaItem) -> String {
        switch item.kind {
        case .commitmentOverdue, .commitmentDue: "/commitments/\(item.subjectID)/edit"
        case .plannedContact: "/activities/\(item.subjectID)/edit"
        case .handover: "/handovers/\(item.subjectID)"
        case .poolRecycle: "/customers/\(item.subjectID)/\(CustomerTab.holding("pool").rawValue)#pool"
        case .careDate, .holiday: ""
        }
    }
}
