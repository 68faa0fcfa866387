import Foundation

/// The decisions an import makes that need no rows: an imported ticket's status, reply
/// links without cycles, and handles for new users.
enum ImportRules {
    /// The status of an imported ticket from who wrote last and when: untouched for
    /// `closeAfterDays` (before `now`) is closed; staff last is a proposed solution; a customer
    /// after staff (or on a ticket a staff member opened) is open; customers only is new.
    static func status(
        lastWrittenAt: Date, lastAuthorIsStaff: Bool, staffWrote: Bool, requesterIsStaff: Bool, now: Date, closeAfterDays: Int
    ) -> TicketStatus {
        if lastWrittenAt.deskSeconds < now.deskSeconds - Int64(closeAfterDays) * 86_400 { return .closed }
        if lastAuthorIsStaff { return .pending }
        if staffWrote || requesterIsStaff { return .open }
        return .new
    }

    /// Drops the edge of the first message found on each cycle of reply links (messages
    /// visited in id order), so that every chain of parents ends.
    static func breakCycles(_ parentOf: inout [MessageID: MessageID]) {
        var done = Set<MessageID>()
        for start in parentOf.keys.sorted() where !done.contains(start) {
            var path: [MessageID] = []
            var onPath = Set<MessageID>()
            var current: MessageID? = start
            while let node = current, !done.contains(node) {
                if onPath.contains(node) {
                    parentOf[node] = nil
                    break
                }
                onPath.insert(node)
                path.append(node)
                current = parentOf[node]
            }
            done.formUnion(path)
        }
    }

    /// A valid handle from the first usable hint, made unique with `-2`, `-3`...
    static func uniqueHandle(_ hints: [String], taken: Set<String>) -> String {
        let base = hints.lazy.map(handleSlug).first { $0.count >= 2 } ?? "user"
        if !taken.contains(base) { return base }
        var counter = 2
        while true {
            let suffix = "-\(counter)"
            let candidate = String(base.prefix(32 - suffix.count)) + suffix
            if !taken.contains(candidate) { return candidate }
            counter += 1
        }
    }

    /// `Dr Eberhard Lisse` -> `dr-eberhard-lisse`, `José.Núñez` -> `jose-nunez`.
    static func handleSlug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var lastWasDash = true
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        if let first = slug.unicodeScalars.first, !("a"..."z").contains(first) { slug = "u" + slug }
        slug = String(slug.prefix(28))
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        return Handles.isValid(slug) ? slug : ""
    }
}
