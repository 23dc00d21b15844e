import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportJobs

/// `rapport commitments`: lists promises the chosen user may see.
struct CommitmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "List promises to customers (tab-separated: due, state, owner, customer, title).")

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("as"), help: "List what this user may see. Default: the first admin") var asUser: String?
    @Option(help: "Only this owner's promises (a username)") var owner: String?
    @Option(help: "open, done, broken or cancelled") var state: String?
    @Flag(help: "Only open promises past their due date") var overdue = false
    @Option(help: "At most this many lines") var limit = 200

    func run() async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let acting = try await Runtime.acting(app, as: asUser)
            var filter = CommitmentFilter()
            if let state {
                guard let parsed = CommitmentState(rawValue: state) else { throw ValidationError("--state: \(state) is not a state") }
                filter.state = parsed
            }
            if let owner {
                guard let user = try await app.accounts.user(username: owner) else { throw CommandError("--owner: no user \(owner)") }
                filter.ownerID = user.id
            }
            if overdue {
                filter.state = .open
                filter.dueBefore = app.today(for: acting.user)
            }
            var cursor: PageCursor?
            var printed = 0
            var names: [UserID: String] = [:]
            repeat {
                let page = try await app.commitments.search(acting, filter, limit: min(200, limit - printed), cursor: cursor)
                let customers = try await app.customers.names(acting, page.items.map(\.customerID))
                for promise in page.items {
                    if names[promise.ownerID] == nil { names[promise.ownerID] = try await app.accounts.get(acting, promise.ownerID).username }
                    print([promise.dueOn.description, promise.state.rawValue, names[promise.ownerID] ?? "-",
                           customers[promise.customerID] ?? "-", promise.title].joined(separator: "\t"))
                }
                printed += page.items.count
                cursor = page.nextCursor.flatMap { PageCursor(token: $0) }
            } while cursor != nil && printed < limit
        }
    }
}

/// `rapport agenda`: a user's agenda for today.
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Print a user's agenda for today (tab-separated: date, kind, days, customer, person, title).")

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("as"), help: "Whose agenda. Default: the first admin") var asUser: String?
    @Option(help: "Language of holiday names and guidance: zh-Hans or en") var language = "zh-Hans"
    @Flag(help: "Also print each person's guidance (how to open, what to bring, what to avoid)") var guidance = false

    func run() async throws {
        guard let lang = Language(rawValue: language) else { throw ValidationError("--language: zh-Hans or en") }
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let agenda = try await app.agenda.build(try await Runtime.acting(app, as: asUser), language: lang)
            for item in agenda.items {
                print([item.date.description, item.kind.rawValue, String(item.days), item.customerName ?? "-",
                       item.personName ?? "-", item.title].joined(separator: "\t"))
                if guidance, let card = item.guidance {
                    for section in card.sections {
                        print("\t\(section.entry.name): \(section.entry.open) | \(section.entry.bring) | \(section.entry.avoid)")
                    }
                }
            }
        }
    }
}

/// `rapport tone-check`: checks a draft message read from a file or standard input.
struct ToneCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tone-check",
        abstract: "Check a draft message for vague, impatient, provoking, negative or commanding phrasing. Exit 1 when flagged.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "A text file; - or nothing for standard input") var file: String?

    func run() async throws {
        let text: String
        if let file, file != "-" {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var found = false
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let findings = try await app.tone.check(text)
            for finding in findings {
                print("\(finding.offset)\t\(finding.category.rawValue)\t\(finding.phrase)\t\(finding.why)\t→ \(finding.better)")
            }
            found = !findings.isEmpty
        }
        if found { throw ExitCode(1) }
    }
}

/// `rapport jobs run`: one pass of the background jobs (for cron when `serve` runs elsewhere).
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Run every scheduled job once: promise escalation, care dates, subscriptions, payment reminders, the pool's hourly recycle pass and the daily lifecycle recompute (the last two only when their hour or day has not run yet).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = try common.logger()
        var failed = false
        try await Runtime.with(common, allowMigrate: false, logger: logger) { app in
            let outcomes = await JobScheduler(app: app, logger: logger).runPass()
            for outcome in outcomes { print(outcome.line) }
            failed = outcomes.contains(where: \.failed)
        }
        if failed { throw ExitCode(1) }
    }
}
