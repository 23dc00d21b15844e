import Foundation
import RapportCore
import RapportStore

/// Every user and team, decoded once and kept until one of them changes: pages name owners and
/// teams on every request, and decoding a few hundred user rows each time was a tenth of a list
/// page's CPU. Each use reads a one-row fingerprint (counts and version sums of both tables)
/// through the caller's session, so a change made by any process is seen by the next request.
actor UserDirectory {
    private var cached: (fingerprint: String, users: [User], teams: [Team])?

    func hit(_ fingerprint: String) -> (users: [User], teams: [Team])? {
        guard let cached, cached.fingerprint == fingerprint else { return nil }
        return (cached.users, cached.teams)
    }

    func keep(_ fingerprint: String, users: [User], teams: [Team]) {
        cached = (fingerprint, users, teams)
    }
}

extension Dependencies {
    /// All users and teams as stored (callers filter by what the acting user may see).
    func directory(_ acting: Acting) async throws -> (users: [User], teams: [Team]) {
        let fingerprint = try await read(acting) { try await $0.catalog.directoryFingerprint() }
        if let hit = await userDirectory.hit(fingerprint) { return hit }
        let (users, teams) = try await read(acting) { session in
            (try await session.catalog.users(), try await session.catalog.teams())
        }
        await userDirectory.keep(fingerprint, users: users, teams: teams)
        return (users, teams)
    }
}
