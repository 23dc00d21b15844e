import Testing
import RapportApp
import RapportCore
import RapportTestSupport

/// What the shipped guidance says where the source is explicit (DOMAIN.md part 2).
@Suite struct GuidanceContentTests {
    /// The Peaceful type will not decide on its own: the source says to offer one specific proposal
    /// with the lowest risk and then ask for the decision, not to hold back from asking.
    @Test(arguments: TestEngine.available)
    func peaceful_oneLowRiskProposalThenAskForTheDecision(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, _ in
            let en = try await api.world.app.personalities.guidanceBook(.en).entry(for: .peaceful)
            #expect(en.bring.contains("lowest risk") && en.bring.contains("ask plainly for the decision"))
            #expect(!en.avoid.lowercased().contains("pressing for a decision"))
            #expect(en.avoid.contains("sudden change"))
            let zh = try await api.world.app.personalities.guidanceBook(.zhHans).entry(for: .peaceful)
            #expect(zh.bring.contains("风险最低") && zh.bring.contains("请他做决定"))
            #expect(!zh.avoid.contains("别逼他当场表态"))
        }
    }
}
