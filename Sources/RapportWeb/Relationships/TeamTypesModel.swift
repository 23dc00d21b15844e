/// What `/team/types` shows: per rep, the mix of temperaments (a table and a stacked SVG bar) and
/// of buyer types among their people, and the types among customers with won and with lost deals.
/// Counts are written as text, as the tables show them.
struct TeamTypesModel: PageModel {
    /// One rep's temperament counts (a column per temperament, then "not set"), total and bar; on the
    /// won and lost tables also the buyer types seen ("Analyst 3").
    struct Row: PageModel {
        let name: String
        let counts: [String]
        let total: String
        let bar: Bar
        /// Only on the won and lost tables; empty on the temperament table.
        let buyerTypes: [String]

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "counts": counts
            case "total": total
            case "bar": bar
            case "buyerTypes": buyerTypes
            default: nil
            }
        }
    }

    /// One rep's buyer-type counts (a column per buyer type in use) and people without one.
    struct BuyerRow: PageModel {
        let name: String
        let counts: [String]
        let notSet: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "counts": counts
            case "notSet": notSet
            default: nil
            }
        }
    }

    /// A stacked bar drawn as SVG. It does not answer `name`: the bar's label is its row's name.
    struct Bar: PageModel {
        let width: String
        let segments: [Segment]

        func child(named key: String) -> Any? {
            switch key {
            case "width": width
            case "segments": segments
            default: nil
            }
        }
    }

    /// One segment of a bar: position and width in SVG units, CSS class (`seg-<column>`), tooltip.
    struct Segment: PageModel {
        let x: String
        let width: String
        let cssClass: String
        let label: String

        func child(named key: String) -> Any? {
            switch key {
            case "x": x
            case "width": width
            case "class": cssClass
            case "label": label
            default: nil
            }
        }
    }

    /// One colour of the legend and the temperament it stands for.
    struct LegendItem: PageModel {
        let label: String
        let cssClass: String

        func child(named key: String) -> Any? {
            switch key {
            case "label": label
            case "class": cssClass
            default: nil
            }
        }
    }

    let temperamentColumns: [String]
    let legend: [LegendItem]
    let temperamentRows: [Row]
    let buyerColumns: [String]
    let buyerRows: [BuyerRow]
    let wonRows: [Row]
    let lostRows: [Row]
    /// Some rep owns people (the page shows tables at all).
    let hasData: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "hasData": hasData
        case "temperamentColumns": temperamentColumns
        case "legend": legend
        case "temperamentRows": temperamentRows
        case "buyerColumns": buyerColumns
        case "buyerRows": buyerRows
        case "hasBuyerTypes": !buyerColumns.isEmpty
        case "wonRows": wonRows
        case "hasWon": !wonRows.isEmpty
        case "lostRows": lostRows
        case "hasLost": !lostRows.isEmpty
        default: nil
        }
    }
}
