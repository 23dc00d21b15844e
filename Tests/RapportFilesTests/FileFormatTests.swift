import Foundation
import Testing
@testable import RapportFiles

struct FileFormatTests {
    private let zipMagic = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])

    @Test func guesses_byExtension() {
        #expect(FileFormat.guess(fileName: "customers.CSV", data: Data("a,b".utf8)) == .csv)
        #expect(FileFormat.guess(fileName: "客户.xlsx", data: Data([0x00, 0x01])) == .xlsx)
        #expect(FileFormat.guess(fileName: "export.txt", data: Data("a,b".utf8)) == .csv)
    }

    @Test func guesses_byMagicBytes() {
        #expect(FileFormat.guess(fileName: "upload", data: zipMagic) == .xlsx)
        #expect(FileFormat.guess(fileName: "wrongly-named.csv", data: zipMagic) == .xlsx)
        #expect(FileFormat.guess(fileName: "upload.dat", data: Data("name,phone\n".utf8)) == .csv)
    }

    @Test func returnsNil_whenNeitherFormat() {
        let legacyXLS = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00])
        #expect(FileFormat.guess(fileName: "old.xls", data: legacyXLS) == nil)
        #expect(FileFormat.guess(fileName: "picture.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x00])) == nil)
        #expect(FileFormat.guess(fileName: "empty", data: Data()) == nil)
    }
}
