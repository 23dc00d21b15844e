/// What `/lifecycle` shows: customers per stage as an SVG bar chart (positions computed on the
/// server) and the moves between stages per month.
struct LifecycleReportModel: PageModel {
    /// One stage's bar: its row position, length and where its count is written, in SVG units.
    struct Bar: PageModel {
        /// The stage's raw value (in the bar's class and the count's id).
        let stage: String
        let label: String
        let count: Int
        let url: String
        let y: Int
        let textY: Int
        /// Written with one decimal, as the SVG has them.
        let width: String
        let countX: String

        func child(named name: String) -> Any? {
            switch name {
            case "stage": stage
            case "label": label
            case "count": count
            case "url": url
            case "y": y
            case "textY": textY
            case "width": width
            case "countX": countX
            default: nil
            }
        }
    }

    /// How many customers moved from one stage to another in a month ("new customer" as from).
    struct Move: PageModel {
        let month: String
        let from: String
        let to: String
        let count: Int

        func child(named name: String) -> Any? {
            switch name {
            case "month": month
            case "from": from
            case "to": to
            case "count": count
            default: nil
            }
        }
    }

    /// A stage's count now beside the moves into and out of it over the report's months.
    struct Balance: PageModel {
        let stage: String
        let label: String
        let now: Int
        let movedIn: Int
        let movedOut: Int

        func child(named name: String) -> Any? {
            switch name {
            case "stage": stage
            case "label": label
            case "now": now
            case "movedIn": movedIn
            case "movedOut": movedOut
            default: nil
            }
        }
    }

    let bars: [Bar]
    let chartWidth: Int
    let chartHeight: Int
    let balance: [Balance]
    let flow: [Move]

    func child(named name: String) -> Any? {
        switch name {
        case "bars": bars
        case "chartWidth": chartWidth
        case "chartHeight": chartHeight
        case "balance": balance
        case "flow": flow
        case "hasFlow": !flow.isEmpty
        default: nil
        }
    }
}
