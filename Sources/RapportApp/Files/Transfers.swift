import Foundation
import RapportCore
import RapportFiles
import RapportStore

/// Files in and out: customers, key persons and results as CSV or XLSX.
public struct Transfers: Sendable {
    let deps: Dependencies
}
