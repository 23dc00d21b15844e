// Writes the readings table of Sources/RapportCore/Search/PinyinReadings.swift: one Mandarin reading
// per code point U+4E00...U+9FFF from ICU's Han-Latin transform, tone marks removed, "-" where ICU
// has none. Run: swiftc -O scripts/gen-pinyin.swift -o /tmp/gen-pinyin && /tmp/gen-pinyin > /tmp/readings.txt
// then paste the words into the file's literal (120 per line). The table is shipped rather than
// computed at run time so that sort keys stored in the database do not depend on the ICU version.
import Foundation

var readings: [String] = []
for value in 0x4E00...0x9FFF {
    guard let scalar = Unicode.Scalar(value) else { readings.append("-"); continue }
    let latin = String(Character(scalar)).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
    let plain = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? "").lowercased()
    let ascii = !plain.isEmpty && plain.unicodeScalars.allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A }
    readings.append(ascii ? plain : "-")
}
print(readings.joined(separator: " "))
