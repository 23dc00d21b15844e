import Foundation
import RapportCore

/// The card at the top of a customer's page with what a rep needs before a call, built from the
/// parts the page loads anyway: phone, owner, stage, last touch, the next open promise, the
/// expectation level, the first open deal, the subscription's state, and the key persons with
/// their temperament.
struct CustomerOverview: PageModel {
    /// A key person in the card: name, title and temperament badge.
    struct Person: PageModel {
        let name: String
        let title: String
        let temperament: String
        let url: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "title": title
            case "hasTitle": !title.isEmpty
            case "temperament": temperament
            case "hasTemperament": !temperament.isEmpty
            case "url": url
            default: nil
            }
        }
    }

    let phone: String
    let owner: String
    let stage: String
    let stageKey: String
    let lastTouch: String
    /// The open promise due first: title and due text; nil when none is open.
    let nextPromise: (title: String, due: String, overdue: Bool)?
    let expectationLevel: String
    let expectationKey: String
    /// The first open deal: title, stage and amount; nil when none.
    let openDeal: (title: String, url: String, detail: String)?
    /// The current subscription term's state and days left; nil without a subscription.
    let subscription: (state: String, key: String, daysLeft: String)?
    let people: [Person]

    init(header: CustomerFileModel.Header, people: [Person], relationships: RelationshipPanelModel,
         lifecycle: CustomerLifecyclePanel.Model, lastTouch: String) {
        phone = header.phone
        owner = header.ownerLine
        stage = lifecycle.lifecycleSection?.stageLabel ?? ""
        stageKey = lifecycle.lifecycleSection?.stage ?? ""
        self.lastTouch = lastTouch
        nextPromise = relationships.promises.filter { $0.stateValue == .open }.min { $0.dueOn < $1.dueOn }
            .map { ($0.title, $0.due, $0.overdue) }
        expectationLevel = relationships.expectation.levelLabel
        expectationKey = relationships.expectation.level
        openDeal = lifecycle.dealSection?.openDeals.first.map { ($0.title, $0.url, "\($0.stage) · \($0.amount)") }
        subscription = lifecycle.subscriptionSection?.current.map { ($0.stateLabel, $0.state, $0.daysLeft) }
        self.people = people
    }

    func child(named key: String) -> Any? {
        switch key {
        case "phone": phone
        case "hasPhone": !phone.isEmpty
        case "owner": owner
        case "stage": stage
        case "stageKey": stageKey
        case "hasStage": !stage.isEmpty
        case "lastTouch": lastTouch
        case "hasPromise": nextPromise != nil
        case "promiseTitle": nextPromise?.title ?? ""
        case "promiseDue": nextPromise?.due ?? ""
        case "promiseOverdue": nextPromise?.overdue ?? false
        case "expectationLevel": expectationLevel
        case "expectationKey": expectationKey
        case "hasDeal": openDeal != nil
        case "dealTitle": openDeal?.title ?? ""
        case "dealURL": openDeal?.url ?? ""
        case "dealDetail": openDeal?.detail ?? ""
        case "hasSubscription": subscription != nil
        case "subscriptionState": subscription?.state ?? ""
        case "subscriptionKey": subscription?.key ?? ""
        case "subscriptionDaysLeft": subscription?.daysLeft ?? ""
        case "people": people
        case "hasPeople": !people.isEmpty
        default: nil
        }
    }
}
