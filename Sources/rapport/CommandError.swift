/// A command that cannot go on for a reason that is not how it was called (a missing user, a
/// database that will not open): printed as its message alone. `ValidationError` stays for usage
/// mistakes, which also print the usage block.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
