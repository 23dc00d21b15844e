import Foundation

/// How a customer's expectation baseline (期望底线, DOMAIN part 3) is set: the default lines per
/// business type, and how a renewing customer's own history moves them. Read from
/// `Resources/Reference/expectations.json`; every business type must have defaults.
public struct ExpectationPolicy: Sendable, Codable, Equatable {
    /// The default lines for one business type, used until the customer has history.
    public struct Defaults: Sendable, Codable, Equatable {
        public var measure: ResultMeasure
        /// The length of a window in months, 1...60.
        public var windowMonths: Int
        /// Below this in a window the customer is disappointed.
        public var bottom: Int64
        /// At or above this the customer is satisfied; never below `bottom`.
        public var satisfaction: Int64

        public init(measure: ResultMeasure, windowMonths: Int, bottom: Int64, satisfaction: Int64) {
            self.measure = measure; self.windowMonths = windowMonths; self.bottom = bottom
            self.satisfaction = satisfaction
        }
    }

    /// How far below the past minimum the bottom line sits: 0.10 puts it 10% lower. 0..<1.
    public let bottomMargin: Double
    /// How far above the past average the satisfaction line sits: 0.10 puts it 10% higher. 0...10.
    public let satisfactionMargin: Double
    /// At most this many past windows are used, most recent first. 1...10.
    public let pastWindows: Int
    private let businessTypes: [BusinessType: Defaults]

    /// Builds a policy; throws when a number is out of range or a business type has no defaults.
    public init(bottomMargin: Double, satisfactionMargin: Double, pastWindows: Int,
                businessTypes: [BusinessType: Defaults]) throws(ReferenceDataError) {
        guard bottomMargin.isFinite, (0..<1).contains(bottomMargin) else {
            throw ReferenceDataError(path: "bottomMargin", problem: "must be at least 0 and below 1")
        }
        guard satisfactionMargin.isFinite, (0...10).contains(satisfactionMargin) else {
            throw ReferenceDataError(path: "satisfactionMargin", problem: "must be between 0 and 10")
        }
        guard (1...10).contains(pastWindows) else {
            throw ReferenceDataError(path: "pastWindows", problem: "must be between 1 and 10")
        }
        for type in BusinessType.allCases {
            let at = "businessTypes.\(type.rawValue)"
            guard let defaults = businessTypes[type] else { throw ReferenceDataError(path: at, problem: "missing") }
            guard (1...60).contains(defaults.windowMonths) else {
                throw ReferenceDataError(path: "\(at).windowMonths", problem: "must be between 1 and 60")
            }
            guard defaults.bottom >= 0 else {
                throw ReferenceDataError(path: "\(at).bottom", problem: "must not be negative")
            }
            guard defaults.satisfaction >= defaults.bottom else {
                throw ReferenceDataError(path: "\(at).satisfaction", problem: "must not be below bottom")
            }
        }
        self.bottomMargin = bottomMargin
        self.satisfactionMargin = satisfactionMargin
        self.pastWindows = pastWindows
        self.businessTypes = businessTypes
    }

    /// Decodes and checks a policy file.
    public static func decode(_ data: Data) throws(ReferenceDataError) -> Self {
        try ReferenceData.decode(Self.self, from: data)
    }

    /// The defaults for a business type; `nil` (not yet known) uses `other`.
    public func defaults(for type: BusinessType?) -> Defaults {
        let type = type ?? .other
        guard let defaults = businessTypes[type] else {
            preconditionFailure("ExpectationPolicy has no defaults for \(type.rawValue)")
        }
        return defaults
    }

    private enum CodingKeys: String, CodingKey { case bottomMargin, satisfactionMargin, pastWindows, businessTypes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            bottomMargin: c.decode(Double.self, forKey: .bottomMargin),
            satisfactionMargin: c.decode(Double.self, forKey: .satisfactionMargin),
            pastWindows: c.decode(Int.self, forKey: .pastWindows),
            businessTypes: ReferenceData.table(of: BusinessType.self, Defaults.self, in: c, forKey: .businessTypes))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bottomMargin, forKey: .bottomMargin)
        try c.encode(satisfactionMargin, forKey: .satisfactionMargin)
        try c.encode(pastWindows, forKey: .pastWindows)
        try ReferenceData.encodeTable(businessTypes, in: &c, forKey: .businessTypes)
    }
}
