/// Why a user who may see a record may not take an action on it: a stable key that the edge
/// translates (`reason.<case>` in both locale files; a test checks every case).
public enum ForbiddenReason: String, Sendable, CaseIterable {
    case adminOnly, managerOnly, trashNeedsManager
    case assignNeedsManager, reassignNeedsManager, ownerOutsideTeam
    case commitmentOwner, dealOwner, orderRep
    case csrf, deleted, notAPerson, notAuthor, notOwned, notRecipient, orderCancelled
}
