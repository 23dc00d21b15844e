import Foundation
import RapportApp
import RapportCore

/// The lifecycle part of a customer's page (rendered by customer_section_lifecycle.mustache): the
/// stage and why, its history, recorded facts, who referred the customer, and the qualification
/// checklist with the source's warnings.
struct LifecycleSection {
    let env: PageEnvironment

    /// What the part shows (`customer_section_lifecycle.mustache`).
    struct Model: PageModel {
        /// One stage change.
        struct Change: PageModel {
            let when, from, to, reason: String

            func child(named name: String) -> Any? {
                switch name {
                case "when": when
                case "from": from
                case "to": to
                case "reason": reason
                default: nil
                }
            }
        }

        /// A recorded fact; `editable` and `customerID` come from the section.
        struct Fact: PageModel {
            let id, kindLabel, evidence, recorded: String
            /// When it was revoked ("revoked on …"); nil while it counts.
            let revoked: String?

            func child(named name: String) -> Any? {
                switch name {
                case "id": id
                case "kindLabel": kindLabel
                case "evidence": evidence
                case "recorded": recorded
                case "live": revoked == nil
                case "revoked": revoked
                default: nil
                }
            }
        }

        /// Who referred the customer; `name` is a placeholder when the referrer is out of sight.
        struct Referral: PageModel {
            let has: Bool
            var name = ""
            var note = ""
            var url: String?

            func child(named key: String) -> Any? {
                switch key {
                case "has": has
                case "name": name
                case "note": note
                case "url": url
                default: nil
                }
            }
        }

        /// The checklist (ability to pay, authority, need) and the source's warnings.
        struct Qualification: PageModel {
            struct Check: PageModel {
                let name, label: String
                let options: [Choice]
                let evidenceName, evidence: String

                func child(named key: String) -> Any? {
                    switch key {
                    case "name": name
                    case "label": label
                    case "options": options
                    case "evidenceName": evidenceName
                    case "evidence": evidence
                    default: nil
                    }
                }
            }

            /// A warning shown as a banner, with its advice; `automatic` when Rapport raised it.
            struct Banner: PageModel {
                let value, label, advice: String
                let automatic: Bool

                func child(named key: String) -> Any? {
                    switch key {
                    case "value": value
                    case "label": label
                    case "advice": advice
                    case "automatic": automatic
                    default: nil
                    }
                }
            }

            let rows: [Check]
            /// The warning checkboxes.
            let warnings: [WarningBox]
            let banners: [Banner]
            let qualified: Bool
            let version: Int

            func child(named key: String) -> Any? {
                switch key {
                case "rows": rows
                case "warnings": warnings
                case "banners": banners
                case "hasBanners": !banners.isEmpty
                case "qualified": qualified
                case "version": version
                default: nil
                }
            }
        }

        /// One warning checkbox.
        struct WarningBox: PageModel {
            let value, label: String
            let checked: Bool

            func child(named key: String) -> Any? {
                switch key {
                case "value": value
                case "label": label
                case "checked": checked
                default: nil
                }
            }
        }

        let customerID: String
        let editable: Bool
        let stage: String
        let stageLabel: String
        let reasonText: String
        let sinceText: String?
        let treeURL: String
        let factKindOptions: [Choice]
        let history: [Change]
        let facts: [Fact]
        let referral: Referral
        let qualification: Qualification
        /// A problem from the last form post, translated.
        let problem: String?

        func child(named name: String) -> Any? {
            switch name {
            case "customerID": customerID
            case "editable": editable
            case "stage": stage
            case "stageLabel": stageLabel
            case "reasonText": reasonText
            case "sinceText": sinceText
            case "treeURL": treeURL
            case "factKindOptions": factKindOptions
            case "history": history
            case "hasHistory": !history.isEmpty
            case "facts": facts
            case "hasFacts": !facts.isEmpty
            case "referral": referral
            case "qualification": qualification
            case "problem": problem
            default: nil
            }
        }
    }

    func model(_ context: CustomerSectionContext) async throws -> Model? {
        let app = env.app
        let language = context.language
        let id = context.customer.id
        async let viewLoad = app.lifecycles.get(context.acting, of: id)
        async let referralLoad = referral(context)
        async let qualificationLoad = qualification(context)
        let view = try await viewLoad
        let current = view.lifecycle
        let clock = context.page.clock
        let problem = context.page.query["lifecycleProblem"].flatMap { LifecycleText.problems.contains($0) ? $0 : nil }
        return Model(
            customerID: id.description,
            editable: context.editable,
            stage: current.stage.rawValue,
            stageLabel: LifecycleText.stage(current.stage, env, language),
            reasonText: LifecycleText.reason(current.reason, env, language),
            sinceText: current.since.map { env.text("lifecycle.since", language, [clock.display($0)]) },
            treeURL: "/customers/\(id)/referrals",
            factKindOptions: Choices.of(LifecycleFactKind.self, prefix: "lifecycle.factKind", selected: nil, env: env,
                                        language: language),
            history: view.history.map { change in
                Model.Change(when: clock.display(change.at),
                             from: change.from.map { LifecycleText.stage($0, env, language) } ?? env.text("lifecycle.newCustomer", language),
                             to: LifecycleText.stage(change.to, env, language),
                             reason: LifecycleText.reason(change.reason, env, language))
            },
            facts: view.facts.map { fact in
                Model.Fact(id: fact.id.description,
                           kindLabel: env.text("lifecycle.factKind.\(fact.kind.rawValue)", language),
                           evidence: fact.evidence,
                           recorded: env.text("lifecycle.recordedOn", language, [clock.display(fact.recordedAt)]),
                           revoked: fact.revokedAt.map { env.text("lifecycle.revokedOn", language, [clock.display($0)]) })
            },
            referral: try await referralLoad,
            qualification: try await qualificationLoad,
            problem: problem.map { env.text($0, language) })
    }

    private func referral(_ context: CustomerSectionContext) async throws -> Model.Referral {
        guard let referral = try await env.app.referrals.get(context.acting, ofCustomer: context.customer.id) else {
            return Model.Referral(has: false)
        }
        do {
            let referrer = try await env.app.customers.get(context.acting, referral.referrerCustomerID)
            return Model.Referral(has: true, name: referrer.name, note: referral.note, url: "/customers/\(referrer.id)")
        } catch AppError.notFound {
            return Model.Referral(has: true, name: env.text("referral.hidden", context.language), note: referral.note)
        }
    }

    private func qualification(_ context: CustomerSectionContext) async throws -> Model.Qualification {
        let language = context.language
        let q = try await env.app.qualifications.get(context.acting, of: context.customer.id)
        let checks: [(String, QualificationAnswer, String, String)] = [
            ("abilityToPay", q.abilityToPay, "abilityEvidence", q.abilityEvidence),
            ("authority", q.authority, "authorityEvidence", q.authorityEvidence),
            ("need", q.need, "needEvidence", q.needEvidence),
        ]
        return Model.Qualification(
            rows: checks.map { name, answer, evidenceName, evidence in
                Model.Qualification.Check(
                    name: name, label: env.text("qualification.\(name)", language),
                    options: Choices.of(QualificationAnswer.self, prefix: "qualification.answer", selected: answer.rawValue,
                                        env: env, language: language),
                    evidenceName: evidenceName, evidence: evidence)
            },
            warnings: QualificationWarning.allCases.map { warning in
                Model.WarningBox(value: warning.rawValue, label: env.text("qualification.warning.\(warning.rawValue)", language),
                                 checked: q.warnings.contains(warning))
            },
            banners: q.activeWarnings.map { warning in
                Model.Qualification.Banner(
                    value: warning.rawValue,
                    label: env.text("qualification.warning.\(warning.rawValue)", language),
                    advice: env.text("qualification.advice.\(warning.rawValue)", language),
                    automatic: q.automaticWarnings.contains(warning) && !q.warnings.contains(warning))
            },
            qualified: q.isQualified,
            version: q.version)
    }
}
