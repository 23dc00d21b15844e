import RapportCore

/// Custom fields in forms and on record pages: inputs by kind, values read back from a form.
/// Form field names are `custom.<key>`, matching the `FieldError.field` the use cases report.
enum CustomFieldInputs {
    static func name(_ definition: CustomFieldDefinition) -> String { "custom." + definition.key }

    static func label(_ definition: CustomFieldDefinition, _ language: Language) -> String {
        language == .zhHans ? definition.labelZh : definition.labelEn
    }

    /// Puts a record's stored values into form fields.
    static func fill(_ custom: [String: CustomValue], into form: inout FormData) {
        for (key, value) in custom {
            switch value {
            case .list(let items): for item in items { form.append("custom." + key, item) }
            case .null: break
            default: form.set("custom." + key, value.displayText)
            }
        }
    }

    /// One form control per definition, with the form's value and message.
    static func inputs(_ definitions: [CustomFieldDefinition], form: FormData, errors: FormErrors,
                       env: PageEnvironment, language: Language) -> [FormField] {
        definitions.map { definition in
            let name = name(definition)
            let label = label(definition, language)
            let chosen = Set(form.all(name))
            switch definition.kind {
            case .text:
                return FormField.input(name, label, value: form.text(name), errors: errors)
            case .number:
                return FormField.input(name, label, value: form.text(name), errors: errors, type: "number")
            case .date:
                return FormField.input(name, label, value: form.text(name), errors: errors, type: "date")
            case .singleChoice:
                let pairs = definition.options.map { ($0, $0) }
                return FormField.select(name, label, options: Choices.list(pairs, selected: form[name],
                                                                           blank: env.text("form.none", language)),
                                        errors: errors)
            case .multiChoice:
                let options: [Choice] = definition.options.map {
                    Choice(value: $0, label: $0, selected: chosen.contains($0))
                }
                return FormField.checkboxes(name, label, options: options, errors: errors)
            }
        }
    }

    /// Reads every defined field from a form; an empty input clears the value.
    static func values(_ definitions: [CustomFieldDefinition], form: FormData) -> [String: CustomValue] {
        var values: [String: CustomValue] = [:]
        for definition in definitions {
            let name = name(definition)
            if definition.kind == .multiChoice {
                let items = form.all(name).filter { !$0.isEmpty }
                values[definition.key] = items.isEmpty ? .null : .list(items)
            } else if let text = form.nonEmpty(name) {
                values[definition.key] = .text(text)
            } else {
                values[definition.key] = .null
            }
        }
        return values
    }

    /// Label and value of each field that has a value, for record pages.
    static func display(_ definitions: [CustomFieldDefinition], _ custom: [String: CustomValue],
                        language: Language) -> [LabelledValue] {
        definitions.compactMap { definition in
            guard let value = custom[definition.key], !value.displayText.isEmpty else { return nil }
            return LabelledValue(label: label(definition, language), value: value.displayText)
        }
    }
}
