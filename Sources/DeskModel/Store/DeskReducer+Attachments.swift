import Foundation

/// Attachments in the client: the menu of the open ticket's files (open in a viewer, save to
/// a path), and files of this machine sent with a reply or note. In an SSH session the files
/// of this machine are the server's: nothing is offered but the `download` / `attach`
/// commands run from the customer's own machine.
extension DeskReducer {
    static func reduceAttachments(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .attachmentMenuRequested:
            return openAttachmentMenu(&state)
        case .attachmentOpenRequested:
            return openHighlightedAttachment(&state)
        case .attachmentOpenFinished(let failure):
            state.attachmentToOpen = nil
            if let failure { state.message = StatusMessage(.error, failure) }
            return []
        case .savePromptRequested:
            return askWhereToSave(&state)
        case .attachPromptRequested:
            return askForFileToAttach(&state)
        case .pathPromptInput(let edit):
            guard case .pathPrompt(var prompt) = state.overlay else { return [] }
            prompt.text = TextEditing.apply(edit, text: prompt.text, cursor: prompt.text.count, singleLine: true).text
            prompt.candidates = []
            state.overlay = .pathPrompt(prompt)
            return []
        case .pathCompletionRequested:
            guard case .pathPrompt(let prompt) = state.overlay else { return [] }
            return [.completePath(prompt.text)]
        case .pathCompletionsLoaded(let typed, let names):
            completePath(&state, typed: typed, names: names)
            return []
        case .pathPromptSubmitted:
            return submitPath(&state)
        case .attachmentSaved(let path, let size):
            state.message = StatusMessage(.info, Notices.attachmentSaved(path: path, size: size))
            return []
        case .saveTargetExists(let id, let path):
            state.overlay = .confirm(.overwriteFile(attachmentID: id, path: path))
            return []
        case .composerFileAccepted(let path):
            return addFileToComposer(&state, path: path)
        default:
            return []
        }
    }

    /// The attachment highlighted in the menu, on the ticket that is open.
    static func highlightedAttachment(_ state: DeskState) -> Attachment? {
        guard case .attachmentMenu(let number, let selected) = state.overlay, let detail = state.openTicket?.detail,
              detail.ticket.number == number, detail.attachments.indices.contains(selected) else { return nil }
        return detail.attachments[selected]
    }

    static func openAttachmentMenu(_ state: inout DeskState) -> [DeskEffect] {
        if let opening = openFirst(&state, then: .attachmentMenuRequested) { return opening }
        guard let detail = state.openTicket?.detail else { return [] }
        guard !detail.attachments.isEmpty else {
            state.message = StatusMessage(.info, Notices.noAttachments(detail.ticket.number))
            return []
        }
        state.overlay = .attachmentMenu(ticketNumber: detail.ticket.number, selected: 0)
        return []
    }

    static func openHighlightedAttachment(_ state: inout DeskState) -> [DeskEffect] {
        guard let attachment = highlightedAttachment(state), case .attachmentMenu(let number, _) = state.overlay else { return [] }
        guard state.offersLocalFiles else {
            state.message = StatusMessage(.info, Notices.downloadOverSSH(number, name: attachment.name))
            return []
        }
        state.overlay = nil
        // The client hands it to a viewer and answers with `attachmentOpenFinished`.
        state.attachmentToOpen = attachment
        return []
    }

    static func askWhereToSave(_ state: inout DeskState) -> [DeskEffect] {
        guard let attachment = highlightedAttachment(state), case .attachmentMenu(let number, _) = state.overlay else { return [] }
        guard state.offersLocalFiles else {
            state.message = StatusMessage(.info, Notices.downloadOverSSH(number, name: attachment.name))
            return []
        }
        state.overlay = .pathPrompt(PathPrompt(purpose: .saveAttachment(attachment.id, name: attachment.name), text: attachment.name))
        return []
    }

    static func askForFileToAttach(_ state: inout DeskState) -> [DeskEffect] {
        guard let composer = state.composer, !composer.isSending else { return [] }
        guard state.offersLocalFiles else {
            // Over SSH the files are on the customer's machine: the allow-listed `attach` takes them.
            let hint = composer.kind == .reply ? composer.slot.ticketNumber.map(Notices.attachOverSSH) : nil
            state.message = StatusMessage(.info, hint ?? Notices.attachAfterCreatingOverSSH)
            return []
        }
        state.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: ""))
        return []
    }

    /// One name completes the path; several complete what they share and are listed.
    static func completePath(_ state: inout DeskState, typed: String, names: [String]) {
        guard case .pathPrompt(var prompt) = state.overlay, prompt.text == typed else { return }
        let folder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        if names.isEmpty {
            state.message = StatusMessage(.info, Notices.noFileMatches(typed))
            return
        }
        prompt.text = folder + (names.count == 1 ? names[0] : commonPrefix(names))
        prompt.candidates = names.count == 1 ? [] : names
        state.overlay = .pathPrompt(prompt)
    }

    static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first else { return "" }
        for name in names.dropFirst() {
            while !name.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    static func submitPath(_ state: inout DeskState) -> [DeskEffect] {
        guard case .pathPrompt(let prompt) = state.overlay else { return [] }
        let path = prompt.text.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return [] }
        state.overlay = nil
        switch prompt.purpose {
        case .saveAttachment(let id, _): return [.saveAttachment(id: id, path: path, overwrite: false)]
        case .attachFile: return [.checkFile(path)]
        }
    }

    /// A file named again is taken off the list: the way to undo a wrong pick.
    static func addFileToComposer(_ state: inout DeskState, path: String) -> [DeskEffect] {
        guard var composer = state.composer else { return [] }
        let name = (path as NSString).lastPathComponent
        if composer.attachedFiles.contains(path) {
            composer.attachedFiles.removeAll { $0 == path }
            state.message = StatusMessage(.info, Notices.fileWillNotBeSent(name))
        } else {
            composer.attachedFiles.append(path)
            state.message = StatusMessage(.info, Notices.fileWillBeSent(name))
        }
        state.composer = composer
        return [.saveDraft(slot: composer.slot, subject: composer.subject, body: composer.body, fields: composer.fields)]
    }

    /// The effect that sends a reply or note: with the files listed in the composer, if any.
    static func sendEffect(_ composer: ComposerState, ticketNumber: Int64, viewer: Viewer) -> DeskEffect {
        let message = newMessage(from: composer, ticketNumber: ticketNumber, viewer: viewer)
        if composer.attachedFiles.isEmpty { return .sendMessage(message, slot: composer.slot) }
        return .sendMessageWithFiles(message, slot: composer.slot, files: composer.attachedFiles)
    }
}

extension ComposerState {
    static let filesField = "files"

    /// Paths of this machine sent with the message, kept in the draft (one per line).
    public var attachedFiles: [String] {
        get { (fields[Self.filesField] ?? "").split(separator: "\n").map(String.init) }
        set { fields[Self.filesField] = newValue.isEmpty ? nil : newValue.joined(separator: "\n") }
    }
}

extension Notices {
    static func noAttachments(_ number: Int64) -> Phrase { .model("#{number} has no attachments", ["number": .number(number)]) }
    static func downloadOverSSH(_ number: Int64, name: String) -> Phrase {
        .model("On your machine: ssh … download {number} {name} > {name} (files stay on the server here)",
               ["number": .number(number), "name": .text(shellWord(name))])
    }
    static func attachOverSSH(_ number: Int64) -> Phrase {
        .model("On your machine: ssh … attach {number} NAME < FILE (files stay on the server here)", ["number": .number(number)])
    }
    static let attachAfterCreatingOverSSH = Phrase.model("Over SSH, attach files once the ticket exists: ssh … attach N NAME < FILE")
    static func noFileMatches(_ typed: String) -> Phrase { .model("No file matches '{typed}'", ["typed": .text(TextSafety.sanitizedLine(typed))]) }
    static func fileWillBeSent(_ name: String) -> Phrase {
        .model("{name} will be sent with the message", ["name": .text(TextSafety.sanitizedLine(name))])
    }
    static func fileWillNotBeSent(_ name: String) -> Phrase {
        .model("{name} taken off: it will not be sent", ["name": .text(TextSafety.sanitizedLine(name))])
    }
    static func attachmentSaved(path: String, size: Int64) -> Phrase {
        .model("Saved {size} bytes to {path}", ["size": .quantity(size), "path": .text(TextSafety.sanitizedLine(path))])
    }

    /// A name as one word for a shell command line the reader copies.
    static func shellWord(_ name: String) -> String {
        let clean = TextSafety.sanitizedLine(name)
        let plain = clean.allSatisfy { $0.isLetter || $0.isNumber || "._-+".contains($0) }
        return plain ? clean : "'" + clean.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
