/// What `/admin/pipeline` shows (`admin_pipeline`): every stage as an editable row, a problem
/// from the last save or delete, and the form for a new stage.
struct AdminPipelineModel: PageModel {
    /// One stage; numbers as text.
    struct Stage: PageModel {
        let id: String
        let nameZh: String
        let nameEn: String
        let position: String
        let probability: String
        let version: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "nameZh": nameZh
            case "nameEn": nameEn
            case "position": position
            case "probability": probability
            case "version": version
            default: nil
            }
        }
    }

    let stages: [Stage]
    /// Why the last save or delete of a stage failed.
    let problem: String?
    let errors: FormErrors
    let newFields: [FormField]

    func child(named name: String) -> Any? {
        switch name {
        case "stages": stages
        case "problem": problem ?? ""
        case "hasProblem": problem != nil
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["nameZh", "nameEn", "probability", "position"])
        case "newFields": newFields
        default: nil
        }
    }
}
