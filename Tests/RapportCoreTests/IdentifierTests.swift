import Foundation
import RapportCore
import Testing

/// Ids are written and read in the canonical lowercase form, by hand-written fast paths.
@Suite struct IdentifierTests {
    @Test func description_isTheLowercaseUUIDString_andParsesBack() {
        for _ in 0..<2_000 {
            let uuid = UUID()
            let id = CustomerID(uuid)
            #expect(id.description == uuid.uuidString.lowercased())
            #expect(CustomerID(id.description) == id)
            #expect(CustomerID(uuid.uuidString) == id)
        }
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        #expect(edges.map { CustomerID($0).description } == ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"])
        #expect(CustomerID("not-a-uuid") == nil)
    }

    @Test func parse_acceptsCanonicalUUIDs_inEitherCase_andRejectsOthers() {
        let uuid = UUID()
        #expect(CustomerID(uuid.uuidString)?.uuid == uuid)
        #expect(CustomerID(uuid.uuidString.lowercased())?.uuid == uuid)
        #expect(CustomerID(uuid.uuidString.lowercased())?.description == uuid.uuidString.lowercased())
        for bad in ["", "not-a-uuid", String(uuid.uuidString.dropLast()), uuid.uuidString + "0",
                    uuid.uuidString.replacingOccurrences(of: "-", with: "_"), "g" + uuid.uuidString.dropFirst()] {
            #expect(CustomerID(bad) == nil, "\(bad)")
        }
    }
}
