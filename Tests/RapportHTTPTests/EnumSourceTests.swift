import Foundation
import RapportApp
import RapportCore
import RapportFiles
import RapportHTTP
import Testing

/// Enum values come from one source: every `enum` in the OpenAPI document must list exactly the
/// raw values of a Swift `CaseIterable` type, in its order. A case added in Swift and forgotten in
/// the document (or the other way round) fails here.
@Suite struct EnumSourceTests {
    /// The Swift types the document's enums are written from, by name.
    static let sources: [String: [String]] = {
        func raw<E: CaseIterable & RawRepresentable>(_: E.Type) -> [String] where E.RawValue == String { E.allCases.map(\.rawValue) }
        return [
            "AgendaItemKind": raw(AgendaItemKind.self), "BusinessType": raw(BusinessType.self), "BuyerType": raw(BuyerType.self),
            "CareCalendar": raw(CareCalendar.self), "CareDateKind": raw(CareDateKind.self), "Channel": raw(Channel.self),
            "CommitmentState": raw(CommitmentState.self), "CustomFieldKind": raw(CustomFieldKind.self),
            "CustomObject": raw(CustomObject.self), "CustomerKind": raw(CustomerKind.self),
            "CustomerSort (± for descending)": CustomerSort.allCases.flatMap { [$0.rawValue, "-" + $0.rawValue] },
            "CustomerStatus": raw(CustomerStatus.self), "DealState": raw(DealState.self), "SavedView.lists": SavedView.lists,
            "DealState closed": DealState.allCases.filter { $0 != .open }.map(\.rawValue),
            "DeletedFilter": raw(DeletedFilter.self), "DuplicateReason": raw(DuplicateReason.self),
            "EnterpriseSize": raw(EnterpriseSize.self), "ExpectationLevel": raw(ExpectationLevel.self),
            "ExpectationSource": raw(ExpectationSource.self), "FileFormat": raw(FileFormat.self),
            "GuidanceCard.Kind": raw(GuidanceCard.Kind.self), "Influence": raw(Influence.self), "JoinReason": raw(JoinReason.self),
            "Language": raw(Language.self), "LifecycleFactKind": raw(LifecycleFactKind.self),
            "LifecycleReason.Code": raw(LifecycleReason.Code.self), "LifecycleStage": raw(LifecycleStage.self),
            "MergeChoice": raw(MergeChoice.self), "MergeKind": raw(MergeKind.self), "NoticeKind": raw(NoticeKind.self),
            "OnlineCustomerType": raw(OnlineCustomerType.self), "OrderStatus": raw(OrderStatus.self),
            "PaymentMethod": raw(PaymentMethod.self), "PaymentState": raw(PaymentState.self), "PoolEventKind": raw(PoolEventKind.self),
            "QualificationAnswer": raw(QualificationAnswer.self), "QualificationWarning": raw(QualificationWarning.self),
            "RecycleReason": raw(RecycleReason.self), "ReferenceFileName": raw(ReferenceFileName.self),
            "ReferralSubject": raw(ReferralSubject.self), "ResultMeasure": raw(ResultMeasure.self), "Role": raw(Role.self),
            "SigningMotivation": raw(SigningMotivation.self), "SubscriptionState": raw(SubscriptionState.self),
            "Temperament": raw(Temperament.self), "TemperamentAxis": raw(TemperamentAxis.self),
            "TemperamentPole": raw(TemperamentPole.self), "ToneCategory": raw(ToneCategory.self),
            "TonePrinciple": raw(TonePrinciple.self), "WinbackApproach": raw(WinbackApproach.self),
            "WinbackOutcome": raw(WinbackOutcome.self),
        ]
    }()

    /// Every `enum` list in the document with where it is, `null` left out (it marks an optional value).
    static func documentEnums(_ value: Any, at path: String, into found: inout [(String, [String])]) {
        if let object = value as? [String: Any] {
            if let values = object["enum"] as? [Any] { found.append((path, values.compactMap { $0 as? String })) }
            for (key, child) in object { documentEnums(child, at: path + "/" + key, into: &found) }
        } else if let list = value as? [Any] {
            for (index, child) in list.enumerated() { documentEnums(child, at: path + "/\(index)", into: &found) }
        }
    }

    @Test func everyEnumInTheDocument_isASwiftTypesCasesInOrder() throws {
        let document = try JSONSerialization.jsonObject(with: try OpenAPIDocument.load())
        var found: [(String, [String])] = []
        Self.documentEnums(document, at: "#", into: &found)
        #expect(found.count > 50)
        for (path, values) in found where !Self.sources.values.contains(values) {
            let sameSet = Self.sources.first { Set($0.value) == Set(values) }
            Issue.record("\(path): \(values) is no Swift enum's cases\(sameSet.map { " (\($0.key) lists them as \($0.value))" } ?? "")")
        }
    }
}
