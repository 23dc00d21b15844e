import Foundation
import RapportCore

/// The expectation status on a customer's page: one plain sentence on where the customer stands,
/// where the lines come from and how far into the window we are, plus the numbers for a small bar
/// drawn as SVG by the template (measured against the bottom and satisfaction lines).
enum ExpectationView {
    /// The drawing's inner width in SVG units.
    static let barWidth = 300.0

    /// The texts and the bar's x positions (SVG units, one decimal).
    struct Model: PageModel {
        let level, levelLabel, sourceLabel, sentence, sourceText, elapsedText, measure: String
        let measured, bottom, satisfaction: String
        let measuredX, bottomX, satisfactionX: String
        let chartLabel: String

        func child(named name: String) -> Any? {
            switch name {
            case "level": level
            case "levelLabel": levelLabel
            case "sourceLabel": sourceLabel
            case "sentence": sentence
            case "sourceText": sourceText
            case "elapsedText": elapsedText
            case "measure": measure
            case "measured": measured
            case "bottom": bottom
            case "satisfaction": satisfaction
            case "measuredX": measuredX
            case "bottomX": bottomX
            case "satisfactionX": satisfactionX
            case "chartLabel": chartLabel
            default: nil
            }
        }
    }

    static func model(_ s: ExpectationStatus, businessType: BusinessType?, env: PageEnvironment,
                      language: Language) -> Model {
        let measure = env.label("measure", s.measure, language)
        func value(_ v: Int64) -> String { MeasureFormat.display(v, s.measure) }
        let source: String = switch (s.source, businessType) {
        case (.defaults, let type?): env.text("expectation.fromDefaults", language, [env.label("businessType", type, language)])
        case (.defaults, nil): env.text("expectation.fromDefaultsUnset", language, [env.label("businessType", BusinessType.other, language)])
        case (.history, _): env.text("expectation.fromHistory", language, [String(s.history.count)])
        }
        let elapsed: String
        if s.elapsedFraction >= 1 {
            elapsed = env.text("expectation.fullWindow", language, [s.window.from.description, s.window.to.description])
        } else if s.elapsedMonths == 0 {
            elapsed = env.text("expectation.justStarted", language, [s.window.from.description, s.window.to.description])
        } else {
            let percent = Int((s.elapsedFraction * 100).rounded())
            elapsed = env.text("expectation.partWindow", language, [String(s.elapsedMonths), String(percent),
                                                                      s.window.from.description, s.window.to.description])
        }
        // Scale so that the highest of the three values sits at 80% of the bar, leaving room past it.
        let top = Double(max(s.measured, s.satisfaction, s.bottom, 1)) / 0.8
        func x(_ v: Int64) -> String { String(format: "%.1f", min(barWidth, max(0, Double(v) / top * barWidth))) }
        return Model(
            level: s.level.rawValue,
            levelLabel: env.label("expectationLevel", s.level, language),
            sourceLabel: env.label("expectationSource", s.source, language),
            sentence: env.text("expectation.sentence.\(s.level.rawValue)", language,
                               [value(s.measured), measure, value(s.bottom), value(s.satisfaction)]),
            sourceText: source,
            elapsedText: elapsed,
            measure: measure,
            measured: value(s.measured), bottom: value(s.bottom), satisfaction: value(s.satisfaction),
            measuredX: x(s.measured), bottomX: x(s.bottom), satisfactionX: x(s.satisfaction),
            chartLabel: env.text("expectation.chartLabel", language, [value(s.measured), value(s.bottom), value(s.satisfaction)]))
    }
}
