import Foundation
import RapportApp
import RapportCore

/// The tone check's speed on a 2,000-character message against the shipped rule sets, in process
/// (the figure issue #3 names is the check itself, without HTTP).
enum BenchTone {
    static func measure(iterations: Int = 2000) throws {
        let zh = try ToneRuleSet.decode(Data(try ReferenceLibrary.shipped(.toneRulesZh).utf8))
        let en = try ToneRuleSet.decode(Data(try ReferenceLibrary.shipped(.toneRulesEn).utf8))
        let checker = try ToneChecker(ruleSets: [zh, en])
        let sentences = [
            "王总您好，关于上周的订单，我们已经安排发货，预计周五到达。", "这个问题应该没问题，改天再联系您。",
            "Thank you for your patience; the replacement parts ship on Monday. ", "不是告诉您了吗？系统就是这样设计的。",
            "We cannot do that, it's company policy. ", "如您方便，我们可以下周二上门演示新功能，您看可以吗？",
        ]
        var message = ""
        var index = 0
        while message.count < 2000 {
            message += sentences[index % sentences.count]
            index += 1
        }
        message = String(message.prefix(2000))
        var times: [Double] = []
        var findings = 0
        for round in 0..<(iterations + 50) {
            let start = DispatchTime.now().uptimeNanoseconds
            findings = checker.check(message).count
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if round >= 50 { times.append(elapsed) }
        }
        times.sort()
        say(String(format: "tone check (2,000 characters, %d rules, %d findings): p50 %.3f ms, p99 %.3f ms (%d checks)",
                   zh.rules.count + en.rules.count, findings, times[times.count / 2],
                   times[min(times.count - 1, Int(Double(times.count) * 0.99))], iterations))
    }
}
