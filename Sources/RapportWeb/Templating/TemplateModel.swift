/// A value a template reads names from: `child(named:)` answers the value of one name, or nil when
/// the value does not have it (the lookup then goes on in the enclosing section's value, out to
/// the page). Answers are `String`, `Bool`, `Int`, another `TemplateModel`, an array (a section
/// repeats for each element) or nil.
protocol TemplateModel {
    func child(named name: String) -> Any?
}

/// A value a section repeats over: every array is one.
protocol TemplateList {
    var isEmptyList: Bool { get }
    func forEachItem(_ body: (Any) -> Void)
}

extension Array: TemplateList {
    var isEmptyList: Bool { isEmpty }

    func forEachItem(_ body: (Any) -> Void) {
        for element in self { body(element) }
    }
}
