import Foundation

/// Runs Python 3 scripts (with openpyxl and xlsxwriter) for independent checks of XLSX files.
///
/// A missing interpreter or module is a test failure, not a skip: CI installs them.
struct PythonScript {
    /// A script failure, with the interpreter's error output.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `source` with `arguments` (available as `sys.argv[1...]`) and returns its standard output.
    static func run(_ source: String, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", source] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start python3 via /usr/bin/env: \(error)")
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            let hint = message.contains("No module named")
                ? "A Python module is missing; install it with `pip install openpyxl xlsxwriter`. "
                : ""
            throw Failure(description: """
                python3 exited with status \(process.terminationStatus). \(hint)\
                These tests need python3 with openpyxl and xlsxwriter. Error output:
                \(message)
                """)
        }
        return outputData
    }

    /// Runs `source` and decodes its standard output as JSON.
    static func runJSON<T: Decodable>(_ source: String, arguments: [String], as type: T.Type) throws -> T {
        let output = try run(source, arguments: arguments)
        do {
            return try JSONDecoder().decode(T.self, from: output)
        } catch {
            throw Failure(description: "python3 printed unexpected output: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
