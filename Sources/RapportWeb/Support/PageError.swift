/// Refusals that only the page layer knows (the use cases throw `AppError`).
enum PageError: Error, Sendable {
    /// A form came without the right anti-forgery token.
    case csrf
    /// A request the pages cannot make sense of (a body too large, a broken form).
    case badRequest
}
