import RapportApp
import RapportCore

/// Which note controls a page shows. The use cases enforce the same rule (and refuse with 403);
/// this only keeps buttons away from people who could not use them: the author may edit and
/// delete a note, an admin may edit it too, and managers may delete it.
struct NoteRights {
    let canEdit: Bool
    let canDelete: Bool

    init(_ note: Note, _ acting: Acting) {
        let isAuthor = note.authorID == acting.id
        canEdit = isAuthor || acting.isAdmin
        canDelete = isAuthor || acting.isManager
    }
}
