import Foundation
import RapportCore
import RapportStore

extension Dependencies {
    /// The user's calendar day now, in their own time zone (UTC when the zone is unknown).
    func today(for user: User) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: user.timeZone) ?? .gmt, at: env.now())
    }

    /// The calendar day background work uses (UTC).
    func systemToday() -> CalendarDate {
        CalendarDate.today(in: .gmt, at: env.now())
    }

    /// The start of the user's calendar day now.
    func startOfToday(for user: User) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: user.timeZone) ?? .gmt
        return calendar.startOfDay(for: env.now())
    }

    /// Checks custom values against the admin's field definitions; `null` (clear) values are kept.
    func validatedCustom(_ values: [String: CustomValue]?, object: CustomObject,
                         in session: ScopedSession) async throws -> [String: CustomValue] {
        guard let values, !values.isEmpty else { return [:] }
        let definitions = try await session.catalog.fields(object: object)
        do {
            return try CustomFieldDefinition.validate(values, definitions: definitions)
        } catch {
            throw AppError.invalid(error.errors)
        }
    }
}
