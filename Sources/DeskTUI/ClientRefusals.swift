import DeskModel

/// What the client itself refuses or fails to do (the editor, viewers, the clipboard), as
/// phrases for the bottom line in the reader's language.
enum ClientRefusals {
    /// "Not allowed: …", worded like the desk's own refusals.
    static func notAllowed(_ reason: Phrase) -> DeskAction { .errorShown(DeskError.notAllowedPhrase(reason)) }

    static let noEditorInSession = Phrase.client("no external editor in this session")
    static let editorOpensFromComposer = Phrase.client("the external editor opens from the composer")
    static let copyingByClient = Phrase.client("copying is done by the terminal client")
    static let openingFiles = Phrase.client("opening files in this session")
    static let copyOffOverSSH = Phrase.client("Copying to the clipboard is off in SSH sessions: the command settings set osc52 on turns it on")

    static let editorFileNotWritten = Phrase.client("Cannot write a temporary file for the editor")
    static let editorFileNotUTF8 = Phrase.client("The editor's file could not be read back as UTF-8")
    static func draftUnchanged(_ failure: Phrase) -> Phrase {
        Phrase.client("{failure}; the draft is unchanged", ["failure": .phrase(failure)])
    }

    static func cannotStart(_ command: String) -> Phrase {
        Phrase.client("Cannot start '{command}'", ["command": .text(command)])
    }
    static func exited(_ command: String, status: Int32) -> Phrase {
        Phrase.client("'{command}' exited with status {status}", ["command": .text(command), "status": .number(Int64(status))])
    }
    static let noPrivateFolder = Phrase.client("Cannot make a private folder for the attachment")
    static let noPrivateFile = Phrase.client("Cannot write the attachment to a private file")
}
