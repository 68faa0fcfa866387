import DeskModel

/// The customer's call-back request form over the panes (`CallbackForm`): one row per field,
/// a refused field's reason on the row below it, and a line saying what the window and zone
/// look like; the caret in the focused field.
enum CallbackFormScreen {
    static func draw(_ state: DeskState, into grid: inout Grid) {
        guard let form = state.callbackForm, grid.height > 3 else { return }
        let language = state.language
        let rect = FormFrame.draw(title: CallbackFormStrings.title(form.number, language), isSaving: form.isSaving, language: language, into: &grid)
        let labelWidth = CallbackForm.Field.allCases.map { DisplayWidth.of(CallbackFormStrings.label($0, language)) }.max()! + 3
        let x = rect.x + labelWidth
        let room = rect.maxX - x - 1
        var y = rect.y + 2
        for field in CallbackForm.Field.allCases {
            guard y < rect.maxY else { break }
            let isCurrent = form.focused == field
            grid.write(DisplayWidth.fit(" " + CallbackFormStrings.label(field, language), to: labelWidth), x: rect.x, y: y,
                       style: isCurrent ? .heading : .dim)
            var shown = TextSafety.sanitizedLine(form.values[field] ?? "")
            var shift = 0
            // A long value scrolls so that the caret stays in view.
            while isCurrent, DisplayWidth.of(String(shown.prefix(max(0, form.cursor - shift)))) >= room, !shown.isEmpty {
                shown.removeFirst()
                shift += 1
            }
            if shown.isEmpty, !isCurrent, let example = CallbackFormStrings.placeholder(field, language) {
                grid.write(example, x: x, y: y, style: .dim, limit: room)
            } else {
                grid.write(shown, x: x, y: y, style: .normal, limit: room)
            }
            if isCurrent { grid.cursor = (x + DisplayWidth.of(String(shown.prefix(form.cursor - shift))), y) }
            y += 1
            if let problem = form.problems[field], y < rect.maxY {
                grid.write(DisplayWidth.truncate(problem.text(in: language), to: room), x: x, y: y, style: .error)
                y += 1
            }
        }
        y += 1
        // The explanation wraps: at 80 columns most languages need two lines.
        for line in TextWrap.lines(CallbackFormStrings.explanation(language), width: rect.width - 2) where y < rect.maxY {
            grid.write(line.text, x: rect.x + 1, y: y, style: .dim, limit: rect.width - 2)
            y += 1
        }
    }

    /// The bottom line while the form is up.
    static func hints(_ language: Language) -> [(String, String)] {
        [("enter", CallbackFormStrings.sendHint(language)), ("esc", UIStrings.cancelHint(language)),
         ("tab", Phrase.client("next field", context: "key hint on the bottom line, short").text(in: language))]
    }
}

/// The call-back form's own words.
enum CallbackFormStrings {
    static func title(_ number: Int64, _ language: Language) -> String {
        Phrase.client("Ask to be called back about ticket #{number}", ["number": .number(number)]).text(in: language)
    }

    static func label(_ field: CallbackForm.Field, _ language: Language) -> String {
        switch field {
        case .phone: Phrase.client("Phone", context: "call-back form field").text(in: language)
        case .window: Phrase.client("Window", context: "call-back form field").text(in: language)
        case .zone: Phrase.client("Time zone", context: "call-back form field").text(in: language)
        case .note: Phrase.client("Note", context: "call-back form field").text(in: language)
        }
    }

    /// What an empty field expects, dimmed where it is not being typed in.
    static func placeholder(_ field: CallbackForm.Field, _ language: Language) -> String? {
        switch field {
        case .phone: "+33 1 23 45 67 89"
        case .window: "14:00-16:00"
        case .zone: "Europe/Paris"
        case .note: Phrase.client("optional: when or how to call", context: "call-back form").text(in: language)
        }
    }

    static func explanation(_ language: Language) -> String {
        Phrase.client("An agent calls you within the window, in your time zone. The desk keeps the number for next time.",
                      context: "call-back form").text(in: language)
    }

    static func sendHint(_ language: Language) -> String {
        Phrase.client("send", context: "key hint on the bottom line, short").text(in: language)
    }
}
