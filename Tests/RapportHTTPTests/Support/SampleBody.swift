import Foundation

/// A plausible JSON request body for an operation, built from its documented schema: every
/// required property (and `version`, with the record's real version) gets a valid-looking
/// value, ids name the fixture's records. Used to call every operation without listing them.
struct SampleBody {
    let checker: OpenAPIChecker
    let fixture: RecordFixture
    let today: String
    let now: String
    /// The `version` to send (the target record's current version).
    let version: Int

    /// `ownerID` → `users`: which fixture kind an id property names.
    static func kind(ofProperty name: String) -> String? {
        switch name {
        case "ownerID", "userID", "repID", "relationshipOwnerID", "managerID": return "users"
        case "survivorID", "mergedID", "customerID": return "customers"
        case "stageID": return "deal-stages"
        case "categoryID": return "product-categories"
        case "reportsToID": return "contacts"
        default:
            guard name.hasSuffix("ID") else { return nil }
            return String(name.dropLast(2)) + "s"
        }
    }

    /// The JSON body of `operation`, or nil when it takes none or not JSON.
    func json(for operation: [String: Any]) -> [String: Any]? {
        guard let requestBody = operation["requestBody"] as? [String: Any],
              let content = requestBody["content"] as? [String: Any],
              let media = content["application/json"] as? [String: Any],
              let schema = media["schema"] as? [String: Any] else { return nil }
        return value(schema, name: "") as? [String: Any] ?? [:]
    }

    /// The schema with `allOf` parts merged (properties and required lists) and a nullable
    /// `anyOf` reduced to its first branch.
    private func flattened(_ raw: [String: Any]) -> [String: Any] {
        var schema = checker.resolve(raw)
        if let any = schema["anyOf"] as? [[String: Any]], let first = any.first { return flattened(first) }
        guard let parts = schema["allOf"] as? [[String: Any]] else { return schema }
        schema["allOf"] = nil
        var properties: [String: Any] = [:]
        var required: [String] = []
        for part in parts.map(flattened) + [schema] {
            for (key, value) in part["properties"] as? [String: Any] ?? [:] where properties[key] == nil { properties[key] = value }
            required += part["required"] as? [String] ?? []
        }
        schema["properties"] = properties
        schema["required"] = required
        schema["type"] = "object"
        return schema
    }

    private func value(_ raw: [String: Any], name: String) -> Any {
        let schema = flattened(raw)
        if let example = schema["example"] { return example }
        if let options = schema["enum"] as? [Any], let first = options.first(where: { !($0 is NSNull) }) { return first }
        if name == "version" { return version }
        if let kind = Self.kind(ofProperty: name), let id = fixture.ids[kind] { return id }
        var types: [String] = []
        if let one = schema["type"] as? String { types = [one] } else if let many = schema["type"] as? [String] { types = many }
        let type = types.first { $0 != "null" } ?? (schema["properties"] != nil ? "object" : "string")
        switch type {
        case "object":
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let required = Set(schema["required"] as? [String] ?? [])
            var object: [String: Any] = [:]
            for (key, sub) in properties where required.contains(key) || key == "version" {
                if let sub = sub as? [String: Any] { object[key] = value(sub, name: key) }
            }
            return object
        case "array":
            let minimum = schema["minItems"] as? Int ?? 0
            guard minimum > 0, let items = schema["items"] as? [String: Any] else { return [Any]() }
            return (0..<minimum).map { _ in value(items, name: name) }
        case "integer", "number":
            if let minimum = schema["minimum"] as? Int { return max(minimum, 1) }
            return 1
        case "boolean": return false
        default:
            switch schema["format"] as? String {
            case "date": return today
            case "date-time": return now
            case "uuid": return UUID().uuidString.lowercased()
            case "email": return "enum@example.com"
            default: return String(repeating: "样", count: max(1, schema["minLength"] as? Int ?? 1))
            }
        }
    }
}
