/// A person customer's personality page (`/customers/{id}/personality`): the same section a key
/// person's page shows, under the customer's name.
struct CustomerPersonalityModel: PageModel {
    let customer: RecordLink
    let personality: PersonalitySection.Model

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "personality": personality
        default: nil
        }
    }
}
