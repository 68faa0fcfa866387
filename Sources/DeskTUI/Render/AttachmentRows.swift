import DeskModel
import Foundation

/// How attachments read on screen: in the ticket's fields, in the `v` menu, in the composer.
enum AttachmentRows {
    /// "screenshot.png · 12 KB · Carl Meyer"
    static func describe(_ attachment: Attachment, in detail: TicketDetail, language: Language = .english) -> String {
        let uploader = detail.authors[attachment.uploaderID].map { TextSafety.sanitizedLine($0.name) } ?? UIStrings.desk(language)
        return "\(TextSafety.sanitizedLine(attachment.name)) · \(ByteSize.text(attachment.size, in: language)) · \(uploader)"
    }

    static let promptWidth = 48

    /// The path being typed, then what Tab found.
    static func prompt(_ prompt: PathPrompt, _ language: Language) -> [(String, String)] {
        let shown = prompt.candidates.prefix(12).map { ("", TextSafety.sanitizedLine($0)) }
        let more = prompt.candidates.count > 12 ? [("", UIStrings.moreCandidates(prompt.candidates.count - 12, language))] : []
        // Room to type a path: the box is as wide as its widest row.
        let typed = DisplayWidth.fit(TextSafety.sanitizedLine(prompt.text) + "_", to: max(promptWidth, DisplayWidth.of(prompt.text) + 1))
        return [(UIStrings.pathLabel(language), typed)] + shown + more
    }

    /// "Attach: log.txt, shot.png" under the composer's title.
    static func composerLine(_ composer: ComposerState, _ language: Language) -> String? {
        let names = composer.attachedFiles.map { TextSafety.sanitizedLine(($0 as NSString).lastPathComponent) }
        return names.isEmpty ? nil : UIStrings.attachLine(names, language)
    }
}

/// The bottom line's keys while the attachment menu or a path prompt is up.
enum AttachmentHints {
    static func of(_ state: DeskState) -> [(String, String)]? {
        let language = state.language
        let choose = ("↑/↓", UIStrings.chooseHint(language)), close = ("esc", UIStrings.closeHint(language))
        switch state.overlay {
        case .attachmentMenu:
            return state.offersLocalFiles ? [choose, ("enter", UIStrings.openHint(language)), ("s", UIStrings.saveHint(language)), close]
                : [choose, ("enter", Phrase.client("how to download", context: "key hint on the bottom line, short").text(in: language)), close]
        case .pathPrompt(let prompt):
            let verb = if case .attachFile = prompt.purpose { Phrase.client("attach", context: "key hint on the bottom line, short").text(in: language) } else { UIStrings.saveHint(language) }
            return [("tab", Phrase.client("complete", context: "key hint on the bottom line, short").text(in: language)), ("enter", verb), ("esc", UIStrings.cancelHint(language))]
        default:
            return nil
        }
    }
}

extension UIStrings {
    static func attachmentMenuTitle(_ number: Int64, _ language: Language) -> String {
        Phrase.client("Attachments of #{number}", ["number": .text(String(number))]).text(in: language)
    }
    static func pathPromptTitle(_ purpose: PathPrompt.Purpose, _ language: Language) -> String {
        switch purpose {
        case .saveAttachment(_, let name): Phrase.client("Save {name} as", ["name": .text(TextSafety.sanitizedLine(name))]).text(in: language)
        case .attachFile: Phrase.client("Attach a file").text(in: language)
        }
    }
    static func pathLabel(_ language: Language) -> String { Phrase.client("path").text(in: language) }
    static func moreCandidates(_ count: Int, _ language: Language) -> String {
        Phrase.client(one: "… and {count} more", other: "… and {count} more", count: count).text(in: language)
    }
    static func attachLine(_ names: [String], _ language: Language) -> String {
        Phrase.client("Attach: {names}", ["names": .text(names.joined(separator: ", "))]).text(in: language)
    }
}
