import Foundation

/// Checks real responses against the OpenAPI document the server publishes: the path and
/// method must be documented, the status must be listed, and a JSON body must match the
/// schema (types, required properties, enums, items, nested `$ref`s).
struct OpenAPIChecker: Sendable {
    let document: [String: any Sendable]

    init(json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: any Sendable] else {
            throw CheckError("the OpenAPI document is not an object")
        }
        document = object
    }

    struct CheckError: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    /// Returns the problems found (empty when the response conforms).
    func check(method: String, uri: String, status: Int, contentType: String?, body: Data) -> [String] {
        let path = String(uri.split(separator: "?", maxSplits: 1)[0]).replacingOccurrences(of: "/api/v1", with: "")
        guard let paths = document["paths"] as? [String: Any],
              let (template, item) = paths.filter({ Self.matches(template: $0.key, path: path) })
                .max(by: { $0.key.filter { $0 == "{" }.count > $1.key.filter { $0 == "{" }.count }).map({ ($0.key, $0.value) }),
              let operations = item as? [String: Any],
              let operation = operations[method.lowercased()] as? [String: Any] else {
            return ["\(method) \(path) is not in the OpenAPI document"]
        }
        guard let responses = operation["responses"] as? [String: Any],
              let response = responses[String(status)] as? [String: Any] else {
            return ["\(method) \(template) does not document status \(status)"]
        }
        guard let content = response["content"] as? [String: Any], !content.isEmpty else { return [] }
        let type = (contentType ?? "").split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[type] as? [String: Any] else {
            return ["\(method) \(template) \(status): content type \(type) is not documented (\(content.keys.sorted()))"]
        }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            return ["\(method) \(template) \(status): body is not JSON"]
        }
        var problems: [String] = []
        validate(value, schema, at: "$", into: &problems)
        return problems.map { "\(method) \(template) \(status): \($0)" }
    }

    /// Checks a request's JSON body against the operation's documented request body (used for
    /// requests the server accepted: what the server takes, the document must allow).
    func checkRequest(method: String, uri: String, body: Data) -> [String] {
        let path = String(uri.split(separator: "?", maxSplits: 1)[0]).replacingOccurrences(of: "/api/v1", with: "")
        guard let paths = document["paths"] as? [String: Any],
              let (template, item) = paths.filter({ Self.matches(template: $0.key, path: path) })
                .max(by: { $0.key.filter { $0 == "{" }.count > $1.key.filter { $0 == "{" }.count }).map({ ($0.key, $0.value) }),
              let operation = (item as? [String: Any])?[method.lowercased()] as? [String: Any] else {
            return ["\(method) \(path) is not in the OpenAPI document"]
        }
        guard let requestBody = operation["requestBody"] as? [String: Any],
              let media = (requestBody["content"] as? [String: Any])?["application/json"] as? [String: Any],
              let schema = media["schema"] as? [String: Any] else {
            return ["\(method) \(template) takes a JSON body the document does not describe"]
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            return []  // not JSON: the server answered that itself
        }
        var problems: [String] = []
        validate(value, schema, at: "$", into: &problems)
        return problems.map { "request \(method) \(template): \($0)" }
    }

    static func matches(template: String, path: String) -> Bool {
        let a = template.split(separator: "/"), b = path.split(separator: "/")
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/components/schemas/"),
              let components = document["components"] as? [String: Any],
              let schemas = components["schemas"] as? [String: Any],
              let target = schemas[String(ref.dropFirst("#/components/schemas/".count))] as? [String: Any] else { return schema }
        return resolve(target)
    }

    func validate(_ value: Any, _ raw: [String: Any], at path: String, into problems: inout [String]) {
        let schema = resolve(raw)
        for part in schema["allOf"] as? [[String: Any]] ?? [] { validate(value, part, at: path, into: &problems) }
        if let branches = schema["anyOf"] as? [[String: Any]] {
            let fits = branches.contains { branch in
                var trial: [String] = []
                validate(value, branch, at: path, into: &trial)
                return trial.isEmpty
            }
            if !fits { problems.append("\(path): matches none of anyOf") }
        }
        if let text = value as? String {
            if let minimum = schema["minLength"] as? Int, text.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \(text) does not match \(pattern)")
            }
        }
        if let number = value as? NSNumber, !Self.isBool(number) {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue { problems.append("\(path): above \(maximum)") }
        }
        var types: [String] = []
        if let one = schema["type"] as? String { types = [one] } else if let many = schema["type"] as? [String] { types = many }
        if !types.isEmpty && !types.contains(where: { Self.isType(value, $0) }) {
            problems.append("\(path): expected \(types), got \(Swift.type(of: value)) \(value)")
            return
        }
        if let allowed = schema["enum"] as? [Any] {
            let matchesEnum = allowed.contains { candidate in
                if candidate is NSNull { return value is NSNull }
                return (candidate as? String) == (value as? String)
            }
            if !matchesEnum { problems.append("\(path): \(value) is not one of \(allowed)") }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, child) in object {
                if let sub = properties[key] as? [String: Any] {
                    validate(child, sub, at: "\(path).\(key)", into: &problems)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    validate(child, extra, at: "\(path).\(key)", into: &problems)
                } else if schema["additionalProperties"] as? Bool == false, schema["allOf"] == nil {
                    problems.append("\(path): unknown property \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { validate(element, items, at: "\(path)[\(index)]", into: &problems) }
        }
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return (value as? NSNumber).map(isBool) ?? false
        case "integer": return (value as? NSNumber).map { !isBool($0) && $0.doubleValue.rounded() == $0.doubleValue } ?? false
        case "number": return (value as? NSNumber).map { !isBool($0) } ?? false
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return true
        }
    }

    /// JSON booleans arrive as NSNumber with the `char` type code.
    static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
