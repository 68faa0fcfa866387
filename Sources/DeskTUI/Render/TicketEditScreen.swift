import DeskModel

/// The edit form of the open ticket over the panes: one row per field (the composer's labels
/// and choices), the description below, wrapped; the caret in the focused field.
enum TicketEditScreen {
    static func draw(_ state: DeskState, into grid: inout Grid) {
        guard let form = state.ticketEdit, grid.height > 3 else { return }
        let language = state.language
        let rect = FormFrame.draw(title: TicketEditStrings.title(form.number, language), isSaving: form.isSaving, language: language, into: &grid)
        let labelWidth = ComposerPane.labelWidth(language)
        var y = rect.y + 1
        for field in form.fields where field != .description {
            guard y < rect.maxY - 1 else { break }
            let isCurrent = form.focused == field
            grid.write(DisplayWidth.fit(" " + label(field, language), to: labelWidth), x: rect.x, y: y, style: isCurrent ? .heading : .dim)
            let x = rect.x + labelWidth
            let room = rect.maxX - x - 1
            let value = form.values[field] ?? ""
            if TicketEditForm.choices(of: field) != nil {
                let shown = choiceLabel(field, value, language)
                grid.write(isCurrent ? "‹ \(shown) ›" : "  \(shown)", x: x, y: y, style: isCurrent ? .selected : .normal, limit: room)
            } else {
                var shown = TextSafety.sanitizedLine(value)
                var shift = 0
                // A long value scrolls so that the caret stays in view.
                while isCurrent, DisplayWidth.of(String(shown.prefix(max(0, form.cursor - shift)))) >= room, !shown.isEmpty {
                    shown.removeFirst()
                    shift += 1
                }
                grid.write(shown, x: x, y: y, style: .normal, limit: room)
                if isCurrent { grid.cursor = (x + DisplayWidth.of(String(shown.prefix(form.cursor - shift))), y) }
            }
            y += 1
        }
        guard y < rect.maxY else { return }
        let inDescription = form.focused == .description
        grid.write(" " + label(.description, language), x: rect.x, y: y, style: inDescription ? .heading : .dim)
        let area = Rect(x: rect.x + 1, y: y + 1, width: rect.width - 2, height: rect.maxY - y - 1)
        guard !area.isEmpty else { return }
        let lines = TextWrap.lines(form.values[.description] ?? "", width: area.width)
        let caret = ComposerGeometry.caretLine(in: lines, cursor: form.cursor)
        let scroll = inDescription ? max(0, caret.line - area.height + 1) : 0
        for row in 0..<area.height where scroll + row < lines.count {
            grid.write(TextSafety.sanitizedLine(lines[scroll + row].text), x: area.x, y: area.y + row, style: .normal, limit: area.width)
        }
        if inDescription { grid.cursor = (min(area.maxX - 1, area.x + caret.column), area.y + caret.line - scroll) }
    }

    static func label(_ field: EditedField, _ language: Language) -> String {
        let composerField: ComposerField = switch field {
        case .subject: .subject
        case .description: .body
        case .kind: .kind
        case .product: .product
        case .category: .category
        case .subcategory: .subcategory
        case .urgency: .urgency
        case .contact: .contact
        }
        return UIStrings.fieldLabel(composerField, language)
    }

    static func choiceLabel(_ field: EditedField, _ value: String, _ language: Language) -> String {
        switch field {
        case .kind: TicketKind(rawValue: value).map { UIStrings.kindLabel($0, language) } ?? value
        case .urgency: Urgency(rawValue: value).map { UIStrings.urgencyLabel($0, language) } ?? value
        case .contact: ContactPreference(rawValue: value).map { UIStrings.contactLabel($0, language) } ?? value
        default: value
        }
    }

    /// The bottom line while the form is up.
    static func hints(_ language: Language) -> [(String, String)] {
        [("ctrl-s", UIStrings.saveHint(language)), ("esc", UIStrings.cancelHint(language)),
         ("tab", Phrase.client("next field", context: "key hint on the bottom line, short").text(in: language))]
    }
}

/// The edit form's own words.
enum TicketEditStrings {
    static func title(_ number: Int64, _ language: Language) -> String {
        Phrase.client("Edit ticket #{number}", ["number": .number(number)]).text(in: language)
    }

    static func saving(_ language: Language) -> String { Phrase.client("Saving…").text(in: language) }
}
