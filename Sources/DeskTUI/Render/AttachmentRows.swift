import DeskModel
import Foundation

/// How attachments read on screen: in the ticket's fields, in the `v` menu, in the composer.
enum AttachmentRows {
    /// "screenshot.png · 12 KB · Carl Meyer"
    static func describe(_ attachment: Attachment, in detail: TicketDetail, language: Language = .english) -> String {
        let uploader = detail.authors[attachment.uploaderID].map { TextSafety.sanitizedLine($0.name) } ?? UIStrings.desk
        return "\(TextSafety.sanitizedLine(attachment.name)) · \(ByteSize.text(attachment.size, in: language)) · \(uploader)"
    }

    static let promptWidth = 48

    /// The path being typed, then what Tab found.
    static func prompt(_ prompt: PathPrompt) -> [(String, String)] {
        let shown = prompt.candidates.prefix(12).map { ("", TextSafety.sanitizedLine($0)) }
        let more = prompt.candidates.count > 12 ? [("", UIStrings.moreCandidates(prompt.candidates.count - 12))] : []
        // Room to type a path: the box is as wide as its widest row.
        let typed = DisplayWidth.fit(TextSafety.sanitizedLine(prompt.text) + "_", to: max(promptWidth, DisplayWidth.of(prompt.text) + 1))
        return [(UIStrings.pathLabel, typed)] + shown + more
    }

    /// "Attach: log.txt, shot.png" under the composer's title.
    static func composerLine(_ composer: ComposerState) -> String? {
        let names = composer.attachedFiles.map { TextSafety.sanitizedLine(($0 as NSString).lastPathComponent) }
        return names.isEmpty ? nil : UIStrings.attachLine(names)
    }
}

/// The bottom line's keys while the attachment menu or a path prompt is up.
enum AttachmentHints {
    static func of(_ state: DeskState) -> [(String, String)]? {
        switch state.overlay {
        case .attachmentMenu:
            return state.offersLocalFiles ? [("↑/↓", "choose"), ("enter", "open"), ("s", "save"), ("esc", "close")]
                : [("↑/↓", "choose"), ("enter", "how to download"), ("esc", "close")]
        case .pathPrompt(let prompt):
            let verb = if case .attachFile = prompt.purpose { "attach" } else { "save" }
            return [("tab", "complete"), ("enter", verb), ("esc", "cancel")]
        default:
            return nil
        }
    }
}

extension UIStrings {
    static func attachmentMenuTitle(_ number: Int64) -> String { "Attachments of #\(number)" }
    static func pathPromptTitle(_ purpose: PathPrompt.Purpose) -> String {
        switch purpose {
        case .saveAttachment(_, let name): "Save \(TextSafety.sanitizedLine(name)) as"
        case .attachFile: "Attach a file"
        }
    }
    static let pathLabel = "path"
    static func moreCandidates(_ count: Int) -> String { "… and \(count) more" }
    static func attachLine(_ names: [String]) -> String { "Attach: " + names.joined(separator: ", ") }
}
