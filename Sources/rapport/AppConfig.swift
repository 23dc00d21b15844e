import ArgumentParser
import Foundation
import Logging
import RapportStore

/// Options every command shares. Each setting comes from the flag, else the `RAPPORT_*`
/// environment variable, else the config file (`--config` / `RAPPORT_CONFIG`, JSON), else
/// its documented default. Nothing secret has a default.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres:// URL. Env RAPPORT_DATABASE. Default ./rapport.sqlite")
    var database: String?

    @Option(name: .long, help: "JSON config file with the same keys (database, host, port, logLevel, secureCookies, jobInterval). Env RAPPORT_CONFIG")
    var config: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical. Env RAPPORT_LOG_LEVEL. Default info")
    var logLevel: String?

    /// Reads the config file, if any.
    func file() throws -> [String: ConfigValue] {
        guard let path = config ?? ProcessInfo.processInfo.environment["RAPPORT_CONFIG"] else { return [:] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandError("cannot read the config file \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode([String: ConfigValue].self, from: data)
        } catch {
            throw CommandError("the config file \(path) is not a JSON object of settings: \(error)")
        }
    }

    /// flag → env → file → default.
    func resolve(_ flag: String?, env: String, key: String, default value: String) throws -> String {
        if let flag { return flag }
        if let fromEnv = ProcessInfo.processInfo.environment[env], !fromEnv.isEmpty { return fromEnv }
        if let fromFile = try file()[key] { return fromFile.text }
        return value
    }

    func location() throws -> DatabaseLocation {
        let text = try resolve(database, env: "RAPPORT_DATABASE", key: "database", default: "./rapport.sqlite")
        do {
            return try DatabaseLocation(parsing: text)
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    func logger(label: String = "rapport") throws -> Logger {
        let levelText = try resolve(logLevel, env: "RAPPORT_LOG_LEVEL", key: "logLevel", default: "info")
        guard let level = Logger.Level(rawValue: levelText) else {
            throw ValidationError("--log-level: unknown level \(levelText)")
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// A config file value: text, number or boolean.
enum ConfigValue: Decodable {
    case text(String), number(Double), flag(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .flag(flag); return }
        if let number = try? container.decode(Double.self) { self = .number(number); return }
        self = .text(try container.decode(String.self))
    }

    var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
        case .flag(let flag): flag ? "true" : "false"
        }
    }
}
