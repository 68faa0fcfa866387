import Foundation

/// The line mailgate adds under a message for each file it left out for being over the
/// attachment limit: a note for agents, kept on the ticket. The sender learns it from a mail of
/// its own (`queueAttachmentRefusal`), so mail to that customer quotes their own text without
/// these lines: told once, not again in the acknowledgement and in every later mail's history.
/// Other readers (agents, the organisation's other customers) still read them.
enum AttachmentRefusalNote {
    private static let opening = "[Attachment refused: "
    private static let closing = " bytes]"

    static func line(name: String, size: Int, limit: Int64) -> String {
        opening + "\(TextSafety.sanitizedLine(name)) (\(FieldLimits.grouped(size)) bytes) is over the limit of \(FieldLimits.grouped(Int(limit)))"
            + closing
    }

    /// `text` without the notes at its end, where mailgate puts them (a line of the sender's
    /// own that merely looks like one, with their text after it, stays).
    static func withoutNotes(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var removed = false
        while let last = lines.last, isNote(last) {
            lines.removeLast()
            removed = true
        }
        guard removed else { return text }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func isNote(_ line: Substring) -> Bool {
        line.hasPrefix(opening) && line.hasSuffix(closing)
    }
}
