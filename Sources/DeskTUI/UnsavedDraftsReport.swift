import DeskModel

/// What the client prints on its way out when the desk could not take the drafts typed during
/// an outage: the text itself, so that the person can keep it. Printed on the restored
/// terminal, so control characters are shown as placeholders like everywhere else.
enum UnsavedDraftsReport {
    static func text(_ drafts: [Draft]) -> String {
        let what = drafts.count == 1 ? "This draft was" : "These \(drafts.count) drafts were"
        var lines = ["deskterm: the desk could not be reached. \(what) not saved; copy what you need:"]
        for draft in drafts {
            lines.append("")
            lines.append("--- \(title(of: draft.slot)) ---")
            if !draft.subject.isEmpty { lines.append("Subject: \(TextSafety.sanitizedLine(draft.subject))") }
            lines.append(TextSafety.sanitizedBlock(draft.body))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func title(of slot: DraftSlot) -> String {
        switch slot {
        case .reply(let number): "Reply to #\(number)"
        case .internalNote(let number): "Internal note on #\(number)"
        case .followUp(let number): "Follow-up of #\(number)"
        case .newTicket: "New ticket"
        }
    }
}
