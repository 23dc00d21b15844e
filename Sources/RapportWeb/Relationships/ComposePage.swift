import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers/{id}/compose[?contact=<id>]`: write a message to a customer — key person,
/// channel, subject, text — and `POST` it back with one of three buttons:
/// - `action=check`: show the tone findings, save nothing;
/// - `action=draft`: fill the text with an after-deal summary in the chosen language, with its findings;
/// - `action=log`: record the message as an activity (subject as purpose, text as outcome) and go
///   to the customer's timeline. Nothing is saved without this explicit button.
struct ComposePage: Sendable {
    let env: PageEnvironment
    /// The optional live check (`Static/tone-check.js`); the page works without it.
    let script = StaticAsset(name: "tone-check.js", contentType: "text/javascript; charset=utf-8")
    /// How far back the after-deal summary looks.
    static let summaryDays = 90
    /// The channels one writes a message on.
    static let channels: [Channel] = [.email, .sms, .wechat, .qq, .letter, .fax, .other]
    static let shownFields: Set<String> = ["contactID", "channel", "subject", "message", "language"]

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/compose", use: env.page(.signedIn, show))
        router.post("customers/:id/compose", use: env.page(.signedIn, submit))
        let script = self.script
        router.get("static/tone-check.js") { request, context in script.response(request, context: context) }
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        var form = FormData(pairs: [("channel", Channel.email.rawValue), ("language", page.language.rawValue)])
        if let contact = page.query.nonEmpty("contact") { form.set("contactID", contact) }
        return try await render(page, id: try page.id(), form: form, errors: FormErrors(), tone: .none)
    }

    @Sendable func submit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        var form = page.form
        do {
            switch form["action"] {
            case "check":
                let tone = try await ToneFindingsView.check(env.app, form.text("message"), field: "message")
                return try await render(page, id: id, form: form, errors: FormErrors(), tone: tone)
            case "draft":
                let language = Language(rawValue: form.text("language")) ?? page.language
                let facts = try await env.app.tone.afterDealFacts(acting, customerID: id, contactID: try contactID(form),
                                                             days: Self.summaryDays)
                let text = AfterDealWriter(localizer: env.localizer).draft(facts, language: language)
                form.set("message", text)
                if form.nonEmpty("subject") == nil { form.set("subject", env.text("compose.summarySubject", language)) }
                let tone = try await ToneFindingsView.check(env.app, text, field: "message")
                return try await render(page, id: id, form: form, errors: FormErrors(), tone: tone)
            case "log":
                let draft = try activity(from: form)
                _ = try await env.app.activities.log(acting, customerID: id, draft)
                return PageEnvironment.redirect(CustomerTab.link(id, "timeline"))
            default:
                throw PageError.badRequest
            }
        } catch AppError.invalid(let problems) {
            let renamed = problems.map { problem -> FieldError in
                let field = ["purpose": "subject", "outcome": "message"][problem.field] ?? problem.field
                return FieldError(field, problem.code, detail: problem.detail)
            }
            return try await render(page, id: id, form: form, errors: FormErrors(renamed, env: env, language: page.language),
                                    tone: .none, status: .unprocessableContent)
        }
    }

    private func contactID(_ form: FormData) throws -> ContactID? {
        guard let raw = form.nonEmpty("contactID") else { return nil }
        guard let id = ContactID(raw) else { throw AppError.invalid([FieldError("contactID", .unknown)]) }
        return id
    }

    /// The activity a sent message becomes: subject as purpose, text as outcome, now.
    private func activity(from form: FormData) throws -> ActivityDraft {
        var problems: [FieldError] = []
        let channel = Channel(rawValue: form.text("channel"))
        if channel == nil { problems.append(FieldError("channel", .notAnOption)) }
        if form.nonEmpty("subject") == nil { problems.append(FieldError("subject", .required)) }
        if form.nonEmpty("message") == nil { problems.append(FieldError("message", .required)) }
        var contact: ContactID?
        do { contact = try contactID(form) } catch AppError.invalid(let errors) { problems += errors }
        guard problems.isEmpty, let channel else { throw AppError.invalid(problems) }
        return ActivityDraft(contactID: .some(contact), channel: channel, purpose: form.text("subject"),
                             outcome: form.text("message"), occurredAt: env.app.env.now())
    }

    /// The texts the live check needs, as JSON for a `data-` attribute (Mustache escapes it).
    private func liveLabels(_ language: Language) throws -> String {
        var categories: [String: String] = [:]
        for category in ToneCategory.allCases {
            categories[category.rawValue] = env.text("tone.category.\(category.rawValue)", language)
        }
        struct Labels: Encodable {
            let heading, ok, why, better: String
            let categories: [String: String]
        }
        let labels = Labels(heading: env.text("tone.liveHeading", language), ok: env.text("tone.ok", language),
                            why: env.text("tone.why", language), better: env.text("tone.better", language),
                            categories: categories)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys // the same page twice reads the same
        return String(decoding: try encoder.encode(labels), as: UTF8.self)
    }

    private func render(_ page: PageRequest, id: CustomerID, form: FormData, errors: FormErrors, tone: ToneFindingsView,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let customer = try await env.app.customers.get(acting, id)
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let contacts = try await env.app.contacts.list(acting, of: id)
        func label(_ name: String) -> String { env.text("compose.field.\(name)", language) }
        let channels = Self.channels.map { ($0.rawValue, env.label("channel", $0, language)) }
        let languages = Language.allCases.map { ($0.rawValue, env.text($0 == .zhHans ? "language.zhHans" : "language.en", language)) }
        let fields: [FormField] = [
            FormField.select("contactID", label("contact"), options: Choices.list(contacts.map { ($0.id.description, $0.name) },
                             selected: form["contactID"], blank: env.text("form.none", language)), errors: errors),
            FormField.select("channel", label("channel"), options: Choices.list(channels, selected: form["channel"]),
                             errors: errors, required: true),
            FormField.input("subject", label("subject"), value: form.text("subject"), errors: errors, required: true),
            FormField.textarea("message", label("message"), value: form.text("message"), errors: errors, rows: 12),
        ]
        let model = ComposeModel(
            customerID: customer.id.description,
            customerName: customer.name,
            fields: fields,
            languageField: FormField.select("language", label("language"), options: Choices.list(languages,
                                            selected: form["language"] ?? language.rawValue), errors: errors),
            hasErrors: !errors.isEmpty,
            otherErrors: errors.others(shown: Self.shownFields),
            tone: tone.data(env: env, language: language),
            toneScript: script.url,
            liveLabels: try liveLabels(language))
        return try await env.render("compose", page, title: "compose.title", model: model, status: status)
    }
}
