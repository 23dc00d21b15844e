import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/admin/reference`: the reference data files (guidance, questionnaire, tone rules, holidays,
/// expectation defaults), shipped or edited. `GET /admin/reference/{name}` edits one in a
/// textarea; `POST` saves it (checked by the use case; a parse error names the place, a stale
/// version shows the latest text with the admin's own kept beside it). `GET …/reset` asks to
/// confirm, `POST …/reset` puts the shipped file back. Admins only.
struct AdminReferencePages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/reference", use: env.page(.admin, list))
        router.get("admin/reference/:name", use: env.page(.admin, edit))
        router.post("admin/reference/:name", use: env.page(.admin, save))
        router.get("admin/reference/:name/reset", use: env.page(.admin, confirmReset))
        router.post("admin/reference/:name/reset", use: env.page(.admin, reset))
    }

    /// The locale key that names a file for people.
    static func labelKey(_ raw: String) -> String {
        switch ReferenceFileName(rawValue: raw) {
        case .guidanceZh: "reference.file.guidanceZh"
        case .guidanceEn: "reference.file.guidanceEn"
        case .questionnaireZh: "reference.file.questionnaireZh"
        case .questionnaireEn: "reference.file.questionnaireEn"
        case .toneRulesZh: "reference.file.toneRulesZh"
        case .toneRulesEn: "reference.file.toneRulesEn"
        case .holidays: "reference.file.holidays"
        case .expectations: "reference.file.expectations"
        case .churnReasons: "reference.file.churnReasons"
        case nil: "reference.file.unknown"
        }
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let filesLoad = env.app.referenceData.files(acting)
        async let peopleLoad = Directory.load(env.app, acting)
        let (files, people) = try await (filesLoad, peopleLoad)
        let clock = page.clock
        let rows = files.map { file in
            AdminReferenceListModel.File(
                name: file.name,
                label: env.text(Self.labelKey(file.name), language),
                edited: file.edited,
                state: env.text(file.edited ? "reference.edited" : "reference.shipped", language),
                who: people.name(file.updatedBy),
                when: file.updatedAt.map(clock.display) ?? "",
                version: String(file.version))
        }
        var notice: String?
        if let saved = page.query.nonEmpty("saved") {
            notice = env.text("reference.savedNotice", language, [env.text(Self.labelKey(saved), language)])
        } else if let reset = page.query.nonEmpty("reset") {
            notice = env.text("reference.resetNotice", language, [env.text(Self.labelKey(reset), language)])
        }
        let model = AdminReferenceListModel(files: rows, notice: notice)
        return try await env.render("admin_reference", page, title: "reference.title", model: model)
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let file = try await env.app.referenceData.file(page.acting, try name(page))
        return try await render(page, file, content: file.content, version: file.version, outcome: EditOutcome())
    }

    @Sendable func save(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let name = try name(page)
        let version = try page.formVersion()
        // Browsers send textarea lines with CRLF; the files are kept with LF.
        let content = page.form.text("content").replacingOccurrences(of: "\r\n", with: "\n")
        do {
            _ = try await env.app.referenceData.save(acting, name, content: content, version: version)
            return PageEnvironment.redirect(FormData(pairs: [("saved", name)]).url("/admin/reference"))
        } catch AppError.invalid(let problems) {
            let file = try await env.app.referenceData.file(acting, name)
            var outcome = EditOutcome(status: .unprocessableContent)
            for problem in problems {
                outcome.errors.add("content", message(for: problem, content: content, language: page.language))
            }
            return try await render(page, file, content: content, version: version, outcome: outcome)
        } catch AppError.conflict {
            let file = try await env.app.referenceData.file(acting, name)
            return try await render(page, file, content: file.content, version: file.version, outcome: .stale, mine: content)
        }
    }

    @Sendable func confirmReset(_ page: PageRequest) async throws -> Response {
        let file = try await env.app.referenceData.file(page.acting, try name(page))
        let model = AdminReferenceResetModel(file: fileRow(file, version: file.version, language: page.language))
        return try await env.render("admin_reference_reset", page, title: "reference.resetTitle", model: model)
    }

    @Sendable func reset(_ page: PageRequest) async throws -> Response {
        let name = try name(page)
        _ = try await env.app.referenceData.reset(page.acting, name)
        return PageEnvironment.redirect(FormData(pairs: [("reset", name)]).url("/admin/reference"))
    }

    /// What went wrong, naming the place: line and column for a syntax error, else the field path
    /// the file's decoder reports.
    private func message(for problem: FieldError, content: String, language: Language) -> String {
        guard problem.code == .invalid else { return env.localizer.message(for: problem, language) }
        if let syntax = JSONSyntaxCheck.firstError(in: content) {
            return env.text("reference.syntaxError", language, [String(syntax.line), String(syntax.column),
                                                                 env.text("reference.syntax.\(syntax.problem.rawValue)", language)])
        }
        return env.text("reference.parseError", language, [problem.detail ?? ""])
    }

    private func name(_ page: PageRequest) throws -> String {
        guard let raw = page.context.parameters.get("name"), ReferenceFileName(rawValue: raw) != nil else {
            throw AppError.notFound(entity: .referenceFile)
        }
        return raw
    }

    /// The edit page. `mine` is the admin's text when someone else saved first: shown read-only to copy from.
    private func render(_ page: PageRequest, _ file: ReferenceFileContent, content: String, version: Int,
                        outcome: EditOutcome, mine: String? = nil) async throws -> Response {
        let language = page.language
        let model = AdminReferenceEditModel(
            file: fileRow(file, version: version, language: language),
            field: FormField.textarea("content", env.text("reference.content", language), value: content,
                                      errors: outcome.errors, rows: 30, hint: env.text("reference.contentHint", language)),
            mine: mine,
            outcome: outcome.summary(shown: ["content"]))
        return try await env.render("admin_reference_edit", page, title: "reference.editTitle", model: model, status: outcome.status)
    }

    /// The file as the edit and reset pages head it (`version`: the one the form posts back).
    private func fileRow(_ file: ReferenceFileContent, version: Int, language: Language) -> AdminReferenceListModel.File {
        AdminReferenceListModel.File(
            name: file.name, label: env.text(Self.labelKey(file.name), language), edited: file.edited,
            state: env.text(file.edited ? "reference.edited" : "reference.shipped", language),
            who: "", when: "", version: String(version))
    }
}
