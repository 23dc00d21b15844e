/// What the kanban `/deals` shows (`deals_board`): a column per stage with its sums and at most a
/// few cards, the board's totals and where the list view is.
///
/// A board shows many cards, so a card answers only its own texts (composed by `DealBoardPage`);
/// the move form's labels, the `back` link and the pre-rendered stage `<option>`s are the
/// column's, read through the card, once per column rather than once per card.
struct DealBoardModel: PageModel {
    /// One stage's column.
    struct Column: PageModel {
        let stageID: String
        let name: String
        /// The stage's probability in percent, as text.
        let probability: String
        let count: String
        let amount: String
        let weighted: String
        let cards: [Card]
        let stageLabel: String
        let moveLabel: String
        let winLabel: String
        let loseLabel: String
        /// Where a card's move form returns to.
        let back: String
        let hasMore: Bool
        let moreURL: String
        let moreText: String
        /// The move select's `<option>`s (HTML, this stage selected), shared by every card.
        let moveOptions: String

        func child(named name: String) -> Any? {
            switch name {
            case "stageID": stageID
            case "name": self.name
            case "probability": probability
            case "count": count
            case "amount": amount
            case "weighted": weighted
            case "cards": cards
            case "stageLabel": stageLabel
            case "moveLabel": moveLabel
            case "winLabel": winLabel
            case "loseLabel": loseLabel
            case "back": back
            case "hasMore": hasMore
            case "moreURL": moreURL
            case "moreText": moreText
            case "moveOptions": moveOptions
            default: nil
            }
        }
    }

    /// One deal's card. Names the card does not answer (`back`, the labels, `moveOptions`,
    /// `csrf`) come from its column and the layout.
    struct Card: PageModel {
        let id: String
        let version: String
        let title: String
        let customerName: String
        let customerURL: String
        let amount: String
        /// " · Expected close 2026-01-31", or empty.
        let closeText: String
        /// "Next step: …", or empty.
        let nextText: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "version": version
            case "title": title
            case "customerName": customerName
            case "customerURL": customerURL
            case "amount": amount
            case "closeText": closeText
            case "hasNextStep": !nextText.isEmpty
            case "nextText": nextText
            default: nil
            }
        }
    }

    /// The `stage_options` fragment's one name: the options of a column's move select.
    struct MoveOptions: PageModel {
        let stageOptions: [Choice]

        func child(named name: String) -> Any? {
            name == "stageOptions" ? stageOptions : nil
        }
    }

    let columns: [Column]
    /// Whether the board shows only the user's own deals.
    let mine: Bool
    let totalAmount: String
    let totalWeighted: String
    let boardScript: String
    let listURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "columns": columns
        case "mine": mine
        case "totalAmount": totalAmount
        case "totalWeighted": totalWeighted
        case "boardScript": boardScript
        case "listURL": listURL
        default: nil
        }
    }
}
