import Foundation

/// The normalised keys by which two customers (or contacts) count as the same at entry:
/// same name after normalisation, same phone, same email or same registration number.
public struct DuplicateKeys: Sendable, Equatable {
    public var name: String
    public var phone: String
    public var email: String
    public var registrationNumber: String

    public init(name: String, phone: String, email: String, registrationNumber: String) {
        self.name = Self.normalizedName(name)
        self.phone = Self.normalizedPhone(phone)
        self.email = email.trimmingCharacters(in: .whitespaces).lowercased()
        self.registrationNumber = SearchText.normalize(registrationNumber).uppercased()
    }

    /// Full-width folded, lower case, letters and digits only.
    public static func normalizedName(_ name: String) -> String { SearchText.normalize(name) }

    /// Digits only, without a leading China country code on an 11-digit mobile number.
    public static func normalizedPhone(_ phone: String) -> String {
        var digits = String(String.UnicodeScalarView(phone.unicodeScalars.filter { (0x30...0x39).contains($0.value) }))
        if digits.count == 13, digits.hasPrefix("86") { digits.removeFirst(2) }
        if digits.count == 15, digits.hasPrefix("0086") { digits.removeFirst(4) }
        return digits
    }
}

/// Why a record was taken for a duplicate.
public enum DuplicateReason: String, Sendable, Codable, CaseIterable {
    case name, phone, email, registrationNumber
}

/// An existing record that matches a new one, and who owns it (so the rep knows whom to ask).
public struct DuplicateMatch: Sendable, Codable, Equatable {
    /// The matching customer's id: only when the acting user may open it (`visible`).
    public var customerID: CustomerID?
    public var customerName: String
    /// The matching key person's id (key-person duplicates), only when visible.
    public var contactID: ContactID?
    /// The owner's id, only when visible; `ownerName` is always given.
    public var ownerID: UserID?
    public var ownerName: String?
    public var reasons: [DuplicateReason]
    /// Whether the acting user may open the matching record.
    public var visible: Bool

    public init(customerID: CustomerID?, customerName: String, contactID: ContactID? = nil, ownerID: UserID?,
                ownerName: String?, reasons: [DuplicateReason], visible: Bool) {
        self.customerID = customerID; self.customerName = customerName; self.contactID = contactID
        self.ownerID = ownerID; self.ownerName = ownerName; self.reasons = reasons; self.visible = visible
    }
}
