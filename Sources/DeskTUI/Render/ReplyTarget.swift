import DeskModel

/// "Replying to Carl Meyer, 2024-05-30 10:00: It dropped again…": the composer says which
/// message it answers, so the reader knows where the reply goes in the thread.
enum ReplyTarget {
    static func line(_ state: DeskState, width: Int) -> String? {
        guard let composer = state.composer, let id = composer.inReplyToID else { return nil }
        guard let detail = state.openTicket?.detail, detail.ticket.number == composer.slot.ticketNumber,
              let message = detail.messages.first(where: { $0.id == id })
        else { return UIStrings.replyingToMessage(id, state.language) }
        let author = message.authorID.flatMap { detail.authors[$0] }.map { TextSafety.sanitizedLine($0.name) } ?? UIStrings.desk(state.language)
        let firstLine = TextSafety.sanitizedBlock(message.body)
            .split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
        return DisplayWidth.truncate(UIStrings.replyingTo(author, at: Timestamps.short(message.createdAt, in: state.language), firstLine: firstLine, state.language), to: max(1, width))
    }
}

extension UIStrings {
    static func replyingTo(_ author: String, at time: String, firstLine: String, _ language: Language) -> String {
        Phrase.client("Replying to {author}, {time}: {line}", ["author": .text(author), "time": .text(time), "line": .text(firstLine)]).text(in: language)
    }

    static func replyingToMessage(_ id: MessageID, _ language: Language) -> String {
        Phrase.client("Replying to message {id}", ["id": .text("\(id)")]).text(in: language)
    }

    /// What an agent's reply does, as the composer's title shows it, with the key that cycles
    /// it (Ctrl-T unless the keymap says otherwise).
    static func intentChoice(_ intent: ReplyIntent, key: String, _ language: Language) -> String {
        let key: [String: PhraseArgument] = ["key": .text(key)]
        let phrase = switch intent {
        case .plain: Phrase.client("reply ({key})", key)
        case .askCustomer: Phrase.client("reply and ask customer ({key})", key)
        case .proposeSolution: Phrase.client("reply and propose solution ({key})", key)
        }
        return phrase.text(in: language)
    }
}
