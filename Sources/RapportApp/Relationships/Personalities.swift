import Foundation
import RapportCore
import RapportStore

/// Whose personality: a key person, or a customer who is a person.
public enum PersonRef: Sendable, Equatable {
    case contact(ContactID)
    case customer(CustomerID)
}

/// A person's personality as read: with its version (0 when nothing was recorded) and the card
/// built from it in the reader's language.
public struct PersonalityView: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var contactID: ContactID?
    public var personality: Personality
    public var version: Int
    public var guidance: GuidanceCard
}

/// Temperaments (四种性格), buyer and online types of key persons and person customers, and the guidance built from them.
public struct Personalities: Sendable {
    let deps: Dependencies

    /// The guidance book in a language (shipped, or the admin's edited copy).
    public func guidanceBook(_ language: Language) async throws -> GuidanceBook {
        try await deps.guidanceBook(language)
    }

    /// The temperament questionnaire in a language.
    public func questionnaire(_ language: Language) async throws -> TemperamentQuestionnaire {
        try await deps.questionnaire(language)
    }

    /// Reads a person's personality (empty when nothing is recorded yet).
    public func get(_ acting: Acting, _ person: PersonRef, language: Language) async throws -> PersonalityView {
        let (customerID, contactID) = try await resolve(acting, person)
        let stored = try await deps.read(acting) { try await $0.personalities(subjects: [contactID?.description ?? customerID.description]) }
            .values.first
        let personality = stored?.personality ?? Personality()
        return PersonalityView(customerID: customerID, contactID: contactID, personality: personality,
                               version: stored?.version ?? 0,
                               guidance: GuidanceCard(book: try await deps.guidanceBook(language), personality: personality))
    }

    /// Records questionnaire answers, a confirmed temperament, buyer or online type. `version` is
    /// the one read (0 when nothing was recorded).
    public func update(_ acting: Acting, _ person: PersonRef, _ draft: PersonalityDraft, version: Int,
                                  language: Language) async throws -> PersonalityView {
        let (customerID, contactID) = try await resolve(acting, person)
        let questionnaire = try await deps.questionnaire(language)
        do { try draft.validate(questionnaire: questionnaire) } catch { throw AppError.invalid(error.errors) }
        let subject = contactID?.description ?? customerID.description
        let current = try await deps.read(acting) { try await $0.personalities(subjects: [subject]) }.values.first
        var personality = current?.personality ?? Personality()
        let before = personality
        let now = deps.env.now()
        draft.apply(to: &personality, questionnaire: questionnaire, by: acting.id, at: now)
        let stored = StoredPersonality(customerID: customerID, contactID: contactID, personality: personality, version: version)
        let entry = try deps.audit(acting.id, .personality, subject, current == nil ? .create : .update,
                              before: current == nil ? nil : before, after: personality)
        try await deps.write(acting, entity: .personality) { session in
            try await session.savePersonality(stored, updatedAt: now, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return try await get(acting, person, language: language)
    }

    /// The personalities on a customer's file: the customer itself (when a person) and its key persons.
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [StoredPersonality] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.personalities(of: customerID)
        }
    }

    /// Team statistics: the mix of temperaments and buyer types per owner, and per won/lost status.
    public func mix(_ acting: Acting) async throws -> [PersonalityMixRow] {
        guard acting.isManager else { throw AppError.forbidden(reason: .managerOnly) }
        return try await deps.read(acting) { try await $0.personalityMix() }
    }

    private func resolve(_ acting: Acting, _ person: PersonRef) async throws -> (CustomerID, ContactID?) {
        switch person {
        case .contact(let id):
            let contact = try await Contacts(deps: deps).get(acting, id)
            if contact.deletedAt != nil { throw AppError.notFound(entity: .contact) }
            return (contact.customerID, id)
        case .customer(let id):
            let found = try await Customers(deps: deps).get(acting, id)
            guard found.kind == .individual else { throw AppError.forbidden(reason: .notAPerson) }
            return (id, nil)
        }
    }
}
