import Foundation

/// What a row of the customer list shows besides the customer itself: its lifecycle stage, its
/// main key person (highest influence, then the coach, then the first added) and its last touch
/// (the latest logged activity on any channel, by anyone on our side, not a planned one).
public struct CustomerListFacts: Sendable, Equatable {
    public var stage: LifecycleStage?
    public var mainContact: String?
    public var lastTouch: Date?

    public init(stage: LifecycleStage? = nil, mainContact: String? = nil, lastTouch: Date? = nil) {
        self.stage = stage
        self.mainContact = mainContact
        self.lastTouch = lastTouch
    }
}
