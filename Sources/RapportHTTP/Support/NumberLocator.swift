import Foundation

/// How a field is named in a problem: keys joined by dots, list positions in brackets
/// (`lines[1].unitPrice`).
enum FieldPath {
    static func text(_ codingPath: [any CodingKey]) -> String {
        text(codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
    }

    static func text(_ parts: [Part]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .key(let key): result += result.isEmpty ? key : "." + key
            case .index(let index): result += "[\(index)]"
            }
        }
        return result
    }

    enum Part: Equatable {
        case key(String)
        case index(Int)
    }
}

/// Finds the field behind a decoding failure that Foundation reports without a path: a number a
/// field cannot hold (beyond 64 bits, or a fraction where a whole number goes) makes the whole body
/// "not valid JSON". When the body is valid JSON, each such number is replaced by 0 in turn; the one
/// whose replacement lets the body decode (or fail elsewhere) is the field to name.
enum NumberLocator {
    static func field<T: Decodable>(failing type: T.Type, in data: Data, decoder: JSONDecoder) -> String? {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return nil // truly not JSON: the caller says so
        }
        var candidates: [[FieldPath.Part]] = []
        collect(tree, at: [], into: &candidates)
        for path in candidates.prefix(50) {
            let patched = replacing(tree, at: path[...])
            let body: Data
            do {
                body = try JSONSerialization.data(withJSONObject: patched, options: [.fragmentsAllowed])
            } catch {
                continue
            }
            do {
                _ = try decoder.decode(type, from: body)
                return FieldPath.text(path)
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                continue
            } catch {
                return FieldPath.text(path)
            }
        }
        return nil
    }

    /// Numbers that are not whole or do not fit 64 bits.
    private static func collect(_ value: Any, at path: [FieldPath.Part], into found: inout [[FieldPath.Part]]) {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() { collect(object[key] as Any, at: path + [.key(key)], into: &found) }
        case let list as [Any]:
            for (index, item) in list.enumerated() { collect(item, at: path + [.index(index)], into: &found) }
        case let number as NSNumber where !isBool(number):
            let double = number.doubleValue
            if double != double.rounded() || !double.isFinite || abs(double) >= 9.2e18 { found.append(path) }
        default:
            break
        }
    }

    private static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
    }

    private static func replacing(_ value: Any, at path: ArraySlice<FieldPath.Part>) -> Any {
        guard let first = path.first else { return NSNumber(value: 0) }
        switch (first, value) {
        case (.key(let key), var object as [String: Any]):
            object[key] = replacing(object[key] as Any, at: path.dropFirst())
            return object
        case (.index(let index), var list as [Any]) where list.indices.contains(index):
            list[index] = replacing(list[index], at: path.dropFirst())
            return list
        default:
            return value
        }
    }
}
