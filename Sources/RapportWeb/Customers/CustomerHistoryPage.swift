import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore
import Logging

/// `GET /customers/{id}/history`: who changed what and when, newest first.
struct CustomerHistoryPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/history", use: env.page(.signedIn, show))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let language = page.language
        async let customerLoad = env.app.customers.get(acting, id)
        async let entriesLoad = env.app.customers.history(acting, id)
        async let directoryLoad = Directory.load(env.app, acting)
        async let fieldsLoad = env.app.customFields.list(acting, object: .customer)
        let (customer, entries, people, fields) = try await (customerLoad, entriesLoad, directoryLoad, fieldsLoad)
        let clock = page.clock
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var rows: [CustomerHistoryModel.Entry] = []
        for entry in entries.sorted(by: { $0.at > $1.at }) {
            var changes: [CustomerHistoryModel.Change] = []
            if let before = entry.before, let after = entry.after {
                do {
                    let old = try decoder.decode(Customer.self, from: Data(before.utf8))
                    let new = try decoder.decode(Customer.self, from: Data(after.utf8))
                    changes = differences(old, new, people: people, fields: fields, language: language)
                } catch {
                    // An entry written by an older version of the record: show the line without details.
                    page.context.logger.debug("history entry not decodable", metadata: ["entry": "\(entry.id)"])
                }
            }
            rows.append(CustomerHistoryModel.Entry(
                when: clock.display(entry.at),
                who: entry.actorID.map { people.name($0) } ?? env.text("history.system", language),
                action: env.label("audit.action", entry.action, language),
                changes: changes))
        }
        let model = CustomerHistoryModel(customer: RecordLink(id: customer.id.description, name: customer.name), entries: rows)
        return try await env.render("customer_history", page, title: "history.title", model: model)
    }

    /// Changed fields with their old and new value (long texts are only named).
    private func differences(_ a: Customer, _ b: Customer, people: Directory, fields: [CustomFieldDefinition],
                             language: Language) -> [CustomerHistoryModel.Change] {
        var out: [CustomerHistoryModel.Change] = []
        func add(_ labelKey: String, _ old: String, _ new: String, showValues: Bool = true) {
            guard old != new else { return }
            out.append(CustomerHistoryModel.Change(field: env.text(labelKey, language), old: Self.short(old),
                                                   new: Self.short(new), showValues: showValues))
        }
        add("customer.field.name", a.name, b.name)
        add("customer.field.kind", env.label("kind", a.kind, language), env.label("kind", b.kind, language))
        add("customer.field.size", env.label("size", a.size, language), env.label("size", b.size, language))
        add("customer.field.status", env.label("status", a.status, language), env.label("status", b.status, language))
        add("customer.field.owner", people.name(a.ownerID), people.name(b.ownerID))
        add("customer.field.team", people.teamName(a.teamID), people.teamName(b.teamID))
        add("customer.field.tags", a.tags.joined(separator: ", "), b.tags.joined(separator: ", "))
        for (key, old, new) in [("industry", a.industry, b.industry), ("region", a.region, b.region),
                                ("source", a.source, b.source), ("phone", a.phone, b.phone), ("email", a.email, b.email),
                                ("website", a.website, b.website), ("address", a.address, b.address),
                                ("registrationNumber", a.registrationNumber, b.registrationNumber)] {
            add("customer.field." + key, old, new)
        }
        for key in CustomerProfile.sectionKeys {
            add("profile." + key, a.profile[section: key], b.profile[section: key], showValues: false)
        }
        for definition in fields {
            let old = a.custom[definition.key]?.displayText ?? "", new = b.custom[definition.key]?.displayText ?? ""
            if old != new {
                out.append(CustomerHistoryModel.Change(field: CustomFieldInputs.label(definition, language),
                                                       old: Self.short(old), new: Self.short(new)))
            }
        }
        return out
    }

    private static func short(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(79)) + "…" : text
    }
}
