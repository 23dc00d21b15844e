/// What the close form `/deals/{id}/close?outcome=won|lost` shows (`deal_close`): the deal, the
/// outcome and the reason asked for.
struct DealCloseModel: PageModel {
    /// The deal being closed.
    struct Deal: PageModel {
        let id: String
        let title: String
        let version: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title": title
            case "version": version
            default: nil
            }
        }
    }

    let deal: Deal
    let won: Bool
    let reason: String
    let errors: FormErrors

    func child(named name: String) -> Any? {
        switch name {
        case "deal": deal
        case "outcome": won ? "won" : "lost"
        case "won": won
        case "reason": reason
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["reason"])
        case "reasonError": errors["reason"] ?? ""
        case "hasReasonError": errors["reason"] != nil
        default: nil
        }
    }
}
