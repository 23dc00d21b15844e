import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Merging duplicate key persons of one customer: `GET /contacts/{id}/merge` (the customer's other
/// key persons, likely duplicates first), `GET /contacts/{id}/merge?with={other}` (both side by
/// side, a radio per differing field, what will move) and `POST /contacts/{id}/merge`. The result
/// and its undo are the shared `/merges/{id}` pages.
struct ContactMergePages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("contacts/:id/merge", use: env.page(.signedIn, compare))
        router.post("contacts/:id/merge", use: env.page(.signedIn, merge))
    }

    @Sendable func compare(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let survivor: ContactID = try page.id()
        guard let other = page.query["with"].flatMap(ContactID.init) else { return try await pick(page, acting, survivor) }
        return try await render(page, acting, survivor: survivor, merged: other, stale: false)
    }

    /// Without `with`: the customer's other live key persons; those sharing a name, phone or
    /// email with this one come first, marked.
    private func pick(_ page: PageRequest, _ acting: Acting, _ survivor: ContactID) async throws -> Response {
        let language = page.language
        let contact = try await env.app.contacts.get(acting, survivor)
        let others = try await env.app.contacts.list(acting, of: contact.customerID).filter { $0.id != survivor && $0.deletedAt == nil }
        func likely(_ c: Contact) -> Bool {
            func same(_ a: String, _ b: String) -> Bool {
                let a = a.trimmingCharacters(in: .whitespaces).lowercased()
                return !a.isEmpty && a == b.trimmingCharacters(in: .whitespaces).lowercased()
            }
            return same(c.name, contact.name) || same(c.phone, contact.phone) || same(c.email, contact.email)
        }
        let ordered = others.filter(likely) + others.filter { !likely($0) }
        let hint = env.text("merge.contact.likely", language)
        let rows = ordered.map { c in
            MergePickModel.Row(name: c.title.isEmpty ? c.name : "\(c.name) · \(c.title)",
                               url: FormData(pairs: [("with", c.id.description)]).url("/contacts/\(survivor)/merge"),
                               hint: likely(c) ? hint : nil)
        }
        let model = MergePickModel(
            survivorName: contact.name, survivorURL: "/contacts/\(survivor)", action: "/contacts/\(survivor)/merge",
            q: "", rows: rows, hasSearch: false,
            pickIntro: env.text("merge.contact.pickIntro", language), noCandidates: env.text("merge.contact.noCandidates", language))
        return try await env.render("merge_pick", page, title: "merge.contact.title", model: model)
    }

    @Sendable func merge(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let survivor: ContactID = try page.id()
        guard let other = page.form["mergedID"].flatMap(ContactID.init) else { throw PageError.badRequest }
        let form = MergeForm(page, survivor: survivor.uuid, merged: other.uuid)
        do {
            let done = try await env.app.merges.mergeContacts(acting, survivor: survivor, merged: other,
                                                        choices: form.choices, versions: form.versions)
            return PageEnvironment.redirect("/merges/\(done.id)")
        } catch AppError.conflict {
            return try await render(page, acting, survivor: survivor, merged: other, stale: true)
        }
    }

    private func render(_ page: PageRequest, _ acting: Acting, survivor: ContactID, merged: ContactID,
                        stale: Bool) async throws -> Response {
        let preview = try await env.app.merges.contactPreview(acting, survivor: survivor, merged: merged)
        let language = page.language
        let people = try await Directory.load(env.app, acting)
        let names = Dictionary(try await env.app.contacts.list(acting, of: preview.survivor.customerID).map { ($0.id, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let rows = preview.differing.map { field in
            MergeCompareModel.Row(
                field: field, label: label(field: field, language),
                survivorValue: value(field, of: preview.survivor, people: people, contacts: names, language),
                mergedValue: value(field, of: preview.merged, people: people, contacts: names, language),
                canUnite: false)
        }
        let tables = MergePages(env: env)
        let moves = preview.counts.sorted { $0.key < $1.key }.map {
            MergeCompareModel.Move(table: tables.label(table: $0.key, language), count: String($0.value))
        }
        let model = MergeForm.compareData(
            base: "/contacts",
            survivor: MergeForm.Side(id: survivor.uuid, name: preview.survivor.name, url: "/contacts/\(survivor)",
                                   version: preview.survivor.version),
            merged: MergeForm.Side(id: merged.uuid, name: preview.merged.name, url: "/contacts/\(merged)",
                                 version: preview.merged.version),
            rows: rows, moves: moves, stale: stale, texts: "merge.contact", env: env, language: language)
        return try await env.render("merge", page, title: "merge.contact.title", model: model, status: stale ? .conflict : .ok)
    }

    private func label(field: String, _ language: Language) -> String {
        if field.hasPrefix("custom.") { return String(field.dropFirst("custom.".count)) }
        switch field {
        case "relationshipOwnerID": return env.text("contact.field.relationshipOwner", language)
        case "reportsToID": return env.text("contact.field.reportsTo", language)
        default: return env.text("contact.field.\(field)", language)
        }
    }

    private func value(_ field: String, of c: Contact, people: Directory, contacts: [ContactID: String],
                       _ language: Language) -> String {
        switch field {
        case "name": c.name
        case "department": c.department
        case "title": c.title
        case "phone": c.phone
        case "fax": c.fax
        case "email": c.email
        case "wechat": c.wechat
        case "qq": c.qq
        case "interests": c.interests
        case "supplierExpectations": c.supplierExpectations
        case "painPoints": c.painPoints
        case "influence": c.influence.map { env.label("influence", $0, language) } ?? ""
        case "involvement": c.involvement.map { env.text("involvement.\($0)", language) } ?? ""
        case "relationshipWithUs": c.relationshipWithUs
        case "relationshipWithCompetitors": c.relationshipWithCompetitors
        case "relationshipOwnerID": c.relationshipOwnerID.map { people.name($0) } ?? ""
        case "isCoach": c.isCoach ? "✓" : "—"
        case "reportsToID": c.reportsToID.map { contacts[$0] ?? "" } ?? ""
        default:
            if field.hasPrefix("custom."), let v = c.custom[String(field.dropFirst("custom.".count))] { MergePages.text(v) } else { "" }
        }
    }
}
