/// The fields of a care date that a change names; the others keep their stored values (PATCH).
/// `year` may be cleared with `null`.
public struct CareDatePatch: Sendable, Hashable, Decodable {
    public var kind: CareDateKind?
    public var calendar: CareCalendar?
    public var month: Int?
    public var day: Int?
    public var leapMonth: Bool?
    public var year: Int??
    public var leadDays: Int?
    public var title: String?

    public init(kind: CareDateKind? = nil, calendar: CareCalendar? = nil, month: Int? = nil, day: Int? = nil,
                leapMonth: Bool? = nil, year: Int?? = nil, leadDays: Int? = nil, title: String? = nil) {
        self.kind = kind; self.calendar = calendar; self.month = month; self.day = day
        self.leapMonth = leapMonth; self.year = year; self.leadDays = leadDays; self.title = title
    }

    /// Every field of `date` (a form that shows them all).
    public init(replacingWith date: CareDate) {
        self.init(kind: date.kind, calendar: date.calendar, month: date.month, day: date.day, leapMonth: date.leapMonth,
                  year: .some(date.year), leadDays: date.leadDays, title: date.title)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, calendar, month, day, leapMonth, year, leadDays, title
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(CareDateKind.self, forKey: .kind)
        calendar = try c.decodeIfPresent(CareCalendar.self, forKey: .calendar)
        month = try c.decodeIfPresent(Int.self, forKey: .month)
        day = try c.decodeIfPresent(Int.self, forKey: .day)
        leapMonth = try c.decodeIfPresent(Bool.self, forKey: .leapMonth)
        year = c.contains(.year) ? .some(try c.decodeIfPresent(Int.self, forKey: .year)) : nil
        leadDays = try c.decodeIfPresent(Int.self, forKey: .leadDays)
        title = try c.decodeIfPresent(String.self, forKey: .title)
    }

    /// `date` with the named fields changed. A new kind without a lead time takes the kind's default.
    public func applied(to date: CareDate) -> CareDate {
        var result = date
        if let kind {
            result.kind = kind
            if leadDays == nil, date.leadDays == date.kind.defaultLeadDays { result.leadDays = kind.defaultLeadDays }
        }
        if let calendar { result.calendar = calendar }
        if let month { result.month = month }
        if let day { result.day = day }
        if let leapMonth { result.leapMonth = leapMonth }
        if let year { result.year = year }
        if let leadDays { result.leadDays = leadDays }
        if let title { result.title = title }
        return result
    }
}
