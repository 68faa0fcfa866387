/// A one-line prompt for a path of this machine, with Tab completion of file names.
public struct PathPrompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Where to write this attachment of the open ticket.
        case saveAttachment(AttachmentID, name: String)
        /// A file to send with the message in the composer.
        case attachFile
    }

    public var purpose: Purpose
    public var text: String
    /// What Tab found when more than one name matched, shown under the prompt.
    public var candidates: [String] = []

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        self.text = text
    }
}
