/// Failures of the storage layer, mapped once by the app layer.
public enum StoreError: Error, Sendable, Equatable {
    /// No row with that id (or not visible in the given scope).
    case notFound
    /// The row exists but its version differs from the one the caller read.
    case versionConflict(current: Int)
    /// A record points at something the writer may not link to (another customer's deal, an
    /// unknown product, a disabled user…); names the input field.
    case invalidReference(field: String)
    /// The record's customer is in the trash: its records cannot change until it is restored.
    case parentDeleted
    /// A uniqueness rule was broken (e.g. a username already taken); names the field.
    case uniqueViolation(field: String)
    /// The database URL or path cannot be used.
    case badConfiguration(String)
    /// The PostgreSQL schema is older than this build and `--migrate` was not given.
    case schemaBehind(current: Int, latest: Int)
    /// The database schema is newer than this build knows.
    case schemaAhead(current: Int, latest: Int)
    /// A stored value could not be read back (corrupt JSON, unknown enum value).
    case corruptRow(String)
}
