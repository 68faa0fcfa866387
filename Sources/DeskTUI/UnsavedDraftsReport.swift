import DeskModel

/// What the client prints on its way out when the desk could not take the drafts typed during
/// an outage: the text itself, so that the person can keep it. Printed on the restored
/// terminal, so control characters are shown as placeholders like everywhere else.
enum UnsavedDraftsReport {
    static func text(_ drafts: [Draft], language: Language = .english) -> String {
        let lead = Phrase.client(
            one: "deskterm: the desk could not be reached. This draft was not saved; copy what you need:",
            other: "deskterm: the desk could not be reached. These {count} drafts were not saved; copy what you need:",
            count: drafts.count)
        var lines = [lead.text(in: language)]
        for draft in drafts {
            lines.append("")
            lines.append("--- \(title(of: draft.slot).text(in: language)) ---")
            if !draft.subject.isEmpty {
                lines.append(Phrase.client("Subject: {subject}", ["subject": .text(TextSafety.sanitizedLine(draft.subject))]).text(in: language))
            }
            lines.append(TextSafety.sanitizedBlock(draft.body))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func title(of slot: DraftSlot) -> Phrase {
        switch slot {
        case .reply(let number): Phrase.client("Reply to #{number}", ["number": .text(String(number))])
        case .internalNote(let number): Phrase.client("Internal note on #{number}", ["number": .text(String(number))])
        case .followUp(let number): Phrase.client("Follow-up of #{number}", ["number": .text(String(number))])
        case .newTicket: Phrase.client("New ticket")
        }
    }
}
