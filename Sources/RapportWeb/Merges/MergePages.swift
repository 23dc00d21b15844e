import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Merging duplicate customers: `GET /customers/{id}/merge` (choose the other one among likely
/// duplicates or by search), `GET /customers/{id}/merge?with={other}` (both side by side, a radio
/// per differing field, what will move), `POST /customers/{id}/merge`, `GET /merges/{id}` (the
/// result with an undo banner) and `POST /merges/{id}/undo`.
struct MergePages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/merge", use: env.page(.signedIn, compare))
        router.post("customers/:id/merge", use: env.page(.signedIn, merge))
        router.get("merges/:id", use: env.page(.signedIn, result))
        router.post("merges/:id/undo", use: env.page(.signedIn, undo))
    }

    @Sendable func compare(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let survivor: CustomerID = try page.id()
        guard let other = page.query["with"].flatMap(CustomerID.init) else { return try await pick(page, acting, survivor) }
        return try await render(page, acting, survivor: survivor, merged: other, stale: false)
    }

    /// Without `with`: the likely duplicates and a search among visible customers to choose the other one.
    private func pick(_ page: PageRequest, _ acting: Acting, _ survivor: CustomerID) async throws -> Response {
        let customer = try await env.app.customers.get(acting, survivor)
        let search = page.query.nonEmpty("q")
        let duplicates = try await env.app.customers.duplicates(acting, name: customer.name, phone: customer.phone, email: customer.email,
                                                      registrationNumber: customer.registrationNumber, excluding: survivor)
        var candidates = duplicates.compactMap { match in match.customerID.map { ($0, match.customerName) } }
        if let search {
            let found = try await env.app.customers.list(acting, CustomerQuery(search: search, limit: 20)).items
            candidates += found.filter { $0.id != survivor }.map { ($0.id, $0.name) }
        }
        var seen = Set<CustomerID>()
        let rows = candidates.filter { seen.insert($0.0).inserted }.map { id, name in
            MergePickModel.Row(name: name, url: FormData(pairs: [("with", id.description)]).url("/customers/\(survivor)/merge"), hint: nil)
        }
        let language = page.language
        let model = MergePickModel(
            survivorName: customer.name, survivorURL: "/customers/\(survivor)", action: "/customers/\(survivor)/merge",
            q: search ?? "", rows: rows, hasSearch: true,
            pickIntro: env.text("merge.pickIntro", language), noCandidates: env.text("merge.noCandidates", language))
        return try await env.render("merge_pick", page, title: "merge.title", model: model)
    }

    @Sendable func merge(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let survivor: CustomerID = try page.id()
        guard let other = page.form["mergedID"].flatMap(CustomerID.init) else { throw PageError.badRequest }
        let form = MergeForm(page, survivor: survivor.uuid, merged: other.uuid)
        do {
            let done = try await env.app.merges.mergeCustomers(acting, survivor: survivor, merged: other,
                                                        choices: form.choices, versions: form.versions)
            return PageEnvironment.redirect("/merges/\(done.id)")
        } catch AppError.conflict {
            return try await render(page, acting, survivor: survivor, merged: other, stale: true)
        }
    }

    @Sendable func result(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let done = try await env.app.merges.get(acting, try page.id())
        let language = page.language
        let survivorID = CustomerID(done.survivorID)
        let moved = done.movedCounts.sorted { $0.key < $1.key }.map {
            MergeCompareModel.Move(table: label(table: $0.key, language), count: String($0.value))
        }
        let contact = done.kind == .contact
        let survivorName: String
        if contact {
            survivorName = try await env.app.contacts.get(acting, ContactID(done.survivorID)).name
        } else {
            survivorName = try await env.app.customers.names(acting, [survivorID])[survivorID] ?? ""
        }
        let model = MergeResultModel(
            id: done.id.description, survivorURL: Self.url(of: done, done.survivorID),
            survivorName: survivorName, moved: moved, undone: done.undoneAt != nil,
            mergedURL: Self.url(of: done, done.mergedID), refused: page.query["refused"] != nil,
            undoRefusedText: env.text(contact ? "merge.contact.undoRefused" : "merge.undoRefused", language))
        return try await env.render("merge_result", page, title: contact ? "merge.contact.doneTitle" : "merge.doneTitle", model: model)
    }

    @Sendable func undo(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: MergeID = try page.id()
        do {
            let undone = try await env.app.merges.undo(acting, id)
            return PageEnvironment.redirect(Self.url(of: undone, undone.survivorID))
        } catch AppError.conflict {
            return PageEnvironment.redirect("/merges/\(id)?refused=1")
        }
    }

    /// The page of a merged record: a customer's or a key person's.
    static func url(of merge: Merge, _ id: UUID) -> String {
        merge.kind == .contact ? "/contacts/\(ContactID(id))" : "/customers/\(CustomerID(id))"
    }

    private func render(_ page: PageRequest, _ acting: Acting, survivor: CustomerID, merged: CustomerID,
                        stale: Bool) async throws -> Response {
        let preview = try await env.app.merges.customerPreview(acting, survivor: survivor, merged: merged)
        let language = page.language
        let people = try await Directory.load(env.app, acting)
        let rows = preview.differing.map { field in
            MergeCompareModel.Row(
                field: field, label: label(field: field, language),
                survivorValue: value(field, of: preview.survivor, people: people, language),
                mergedValue: value(field, of: preview.merged, people: people, language),
                canUnite: field == "tags")
        }
        let moves = preview.counts.sorted { $0.key < $1.key }.map {
            MergeCompareModel.Move(table: label(table: $0.key, language), count: String($0.value))
        }
        let model = MergeForm.compareData(
            base: "/customers",
            survivor: MergeForm.Side(id: survivor.uuid, name: preview.survivor.name, url: "/customers/\(survivor)",
                                   version: preview.survivor.version),
            merged: MergeForm.Side(id: merged.uuid, name: preview.merged.name, url: "/customers/\(merged)",
                                 version: preview.merged.version),
            rows: rows, moves: moves, stale: stale, texts: "merge", env: env, language: language)
        return try await env.render("merge", page, title: "merge.title", model: model, status: stale ? .conflict : .ok)
    }

    static func text(_ value: CustomValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): number.formatted()
        case .list(let items): items.joined(separator: ", ")
        case .null: ""
        }
    }

    private func label(field: String, _ language: Language) -> String {
        if field.hasPrefix("profile.") { return env.text(field, language) }
        if field.hasPrefix("custom.") { return String(field.dropFirst("custom.".count)) }
        if field == "ownerID" { return env.text("customer.field.owner", language) }
        return env.text("customer.field.\(field)", language)
    }

    func label(table: String, _ language: Language) -> String {
        let key = "merge.table.\(table)"
        return env.hasText(key, language) ? env.text(key, language) : table
    }

    private func value(_ field: String, of c: Customer, people: Directory, _ language: Language) -> String {
        switch field {
        case "name": c.name
        case "kind": env.label("kind", c.kind, language)
        case "size": c.size.map { env.label("size", $0, language) } ?? ""
        case "status": env.label("status", c.status, language)
        case "ownerID": people.name(c.ownerID)
        case "tags": c.tags.joined(separator: ", ")
        case "industry": c.industry
        case "region": c.region
        case "source": c.source
        case "phone": c.phone
        case "email": c.email
        case "registrationNumber": c.registrationNumber
        case "website": c.website
        case "address": c.address
        default:
            if field.hasPrefix("profile.") { c.profile[section: String(field.dropFirst("profile.".count))] }
            else if field.hasPrefix("custom."), let v = c.custom[String(field.dropFirst("custom.".count))] { Self.text(v) }
            else { "" }
        }
    }
}
