/// A paste is text for the field that has the keyboard, inserted in one step: it never runs
/// as keys (a pasted "2s" must not switch the view and the sort), and a long paste costs one
/// edit and one draft save, not one per character.
extension DeskReducer {
    static func paste(_ text: String, into state: inout DeskState) -> [DeskEffect] {
        // A path typed in a prompt is often pasted.
        if case .pathPrompt = state.overlay { return reduce(into: &state, .pathPromptInput(.insert(oneLine(text).line))) }
        guard state.overlay == nil else { return ignorePaste(&state) }
        // A public key line pasted into the People screen's form: one line, never keys. The
        // screen covers the search and the composer: with no form open, a paste goes nowhere.
        if let people = state.people {
            guard let form = people.form, form.focused != .access else { return ignorePaste(&state) }
            let (line, lines) = oneLine(text)
            // Several keys joined would authorise only the first, silently: one at a time.
            if form.focused == .key, lines > 1 {
                state.message = StatusMessage(.error, PeopleNotices.pasteOneKey)
                return []
            }
            return reduce(into: &state, .people(.formInput(.insert(line))))
        }
        if state.search != nil {
            let (line, lines) = oneLine(text)
            let effects = reduce(into: &state, .searchInput(.insert(line)))
            if lines > 1 { state.message = StatusMessage(.info, Notices.pasteJoined(lines: lines, into: nil)) }
            return effects
        }
        guard state.focus == .composer, let composer = state.composer, !composer.isSending else { return ignorePaste(&state) }
        switch composer.field {
        case .kind, .urgency, .contact, .account:
            return ignorePaste(&state)
        case .body:
            return editComposer(&state, .insert(text))
        case .subject, .product, .category, .subcategory, .watchers:
            let (line, lines) = oneLine(text)
            let effects = editComposer(&state, .insert(line))
            if lines > 1 { state.message = StatusMessage(.info, Notices.pasteJoined(lines: lines, into: composer.field)) }
            return effects
        }
    }

    private static func ignorePaste(_ state: inout DeskState) -> [DeskEffect] {
        state.message = StatusMessage(.info, Notices.pasteIgnored)
        return []
    }

    /// The non-blank lines of a paste joined by single spaces, and how many there were; tabs
    /// and other controls are left to the field's own cleaning.
    static func oneLine(_ text: String) -> (line: String, lines: Int) {
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if !trimmed.isEmpty { lines.append(line) }
        }
        return (lines.joined(separator: " "), lines.count)
    }
}
