import DeskModel

/// The composer: a reply or note body, or the new-ticket form (`ComposerField` in Tab order;
/// a follow-up also shows who it will go to). The body wraps to the pane; the caret is the
/// terminal cursor.
enum ComposerPane {
    static let labelWidth = 13

    /// At least `labelWidth`; wider when a language's longest label (a space before, one
    /// after) needs it, so that no label is cut.
    static func labelWidth(_ language: Language) -> Int {
        let labels = ComposerField.allCases.map { UIStrings.fieldLabel($0, language) } + [UIStrings.assigneeLabel(language)]
        return max(labelWidth, (labels.map(DisplayWidth.of).max() ?? 0) + 2)
    }

    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect, restricted: Bool, keymap: Keymap = .standard) {
        guard let composer = state.composer else { return }
        let language = state.language
        // The labels' column: 13 wide, wider where a language's labels need it.
        let labelWidth = labelWidth(language)
        let focused = state.focus == .composer
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: .bar)
        var title = " " + UIStrings.composerTitle(composer.kind, number: composer.slot.ticketNumber, language)
        // A plain reply says nothing; Ctrl-T (in the help) makes it ask the customer or propose a solution.
        if composer.offersIntent(to: state.viewer), composer.replyIntent != .plain { title += " · " + UIStrings.intentChoice(composer.replyIntent, key: keymap.keys(for: .replyIntent).first?.name ?? "", language) }
        if composer.isSending { title += " · " + UIStrings.sending(language) }
        grid.write(title, x: rect.x, y: rect.y, style: .bar, limit: rect.width)
        var y = rect.y + 1
        if let answered = ReplyTarget.line(state, width: rect.width - 2), y < rect.maxY - 1 {
            grid.write(answered, x: rect.x + 1, y: y, style: .dim, limit: rect.width - 2)
            y += 1
        }
        if let files = AttachmentRows.composerLine(composer, language), y < rect.maxY - 1 {
            grid.write(files, x: rect.x + 1, y: y, style: .dim, limit: rect.width - 2)
            y += 1
        }
        for field in composer.formFields where field != .body {
            guard y < rect.maxY - 1 else { break }
            let isCurrent = focused && composer.field == field
            grid.write(DisplayWidth.fit(" " + UIStrings.fieldLabel(field, language), to: labelWidth), x: rect.x, y: y, style: isCurrent ? .heading : .dim)
            let x = rect.x + labelWidth
            let room = rect.maxX - x - 1
            switch field {
            case .kind, .urgency, .contact, .account:
                let (value, available) = choice(field, of: composer, viewer: state.viewer, language)
                // A kind the plan does not include is shown, dimmed and marked, never hidden.
                let shown = isCurrent ? "‹ \(value) ›" : "  \(value)"
                let width = grid.write(shown, x: x, y: y, style: available ? (isCurrent ? .selected : .normal) : .dim, limit: room)
                if !available { grid.write(" " + UIStrings.kindUnavailable(language), x: x + width, y: y, style: .dim, limit: room - width) }
            default:
                let text = TextSafety.sanitizedLine(ComposerGeometry.text(of: field, in: composer))
                let caretColumn = DisplayWidth.of(String(text.prefix(composer.cursor)))
                // Scroll a long single-line field so the caret stays visible.
                var shown = text
                var shift = 0
                if isCurrent && caretColumn >= room {
                    while DisplayWidth.of(String(shown.prefix(max(0, composer.cursor - shift)))) >= room, !shown.isEmpty {
                        shown.removeFirst()
                        shift += 1
                    }
                }
                grid.write(shown, x: x, y: y, style: .normal, limit: room)
                if isCurrent && field == .watchers && text.isEmpty {
                    grid.write(UIStrings.watchersPlaceholder(language), x: x + 1, y: y, style: .dim, limit: room - 1)
                }
                if isCurrent {
                    grid.cursor = (x + DisplayWidth.of(String(shown.prefix(composer.cursor - shift))), y)
                }
            }
            y += 1
        }
        if composer.kind == .followUp, let closed = composer.slot.ticketNumber, y < rect.maxY - 1 {
            grid.write(DisplayWidth.fit(" " + UIStrings.assigneeLabel(language), to: labelWidth), x: rect.x, y: y, style: .dim)
            grid.write(UIStrings.inheritedAssignee(composer.inheritedAssignee, closedNumber: closed, language), x: rect.x + labelWidth, y: y,
                       style: .normal, limit: rect.maxX - rect.x - labelWidth - 1)
            y += 1
        }
        if composer.formFields.count > 1 {
            guard y < rect.maxY else { return }
            let isCurrent = focused && composer.field == .body
            grid.write(" " + UIStrings.fieldLabel(.body, language), x: rect.x, y: y, style: isCurrent ? .heading : .dim)
            y += 1
        }
        let bodyRect = Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: rect.maxY - y)
        guard !bodyRect.isEmpty else { return }
        let lines = TextWrap.lines(composer.body, width: bodyRect.width)
        let caret = ComposerGeometry.caretLine(in: lines, cursor: composer.cursor)
        let scroll = composer.field == .body ? max(0, caret.line - bodyRect.height + 1) : 0
        for row in 0..<bodyRect.height {
            let index = scroll + row
            guard index < lines.count else { break }
            grid.write(TextSafety.sanitizedLine(lines[index].text), x: bodyRect.x, y: bodyRect.y + row, style: .normal, limit: bodyRect.width)
        }
        if focused && composer.field == .body {
            grid.cursor = (min(bodyRect.maxX - 1, bodyRect.x + caret.column), bodyRect.y + caret.line - scroll)
        }
    }
}

extension ComposerPane {
    /// A choice field's label, and whether the viewer may send it (a free plan's Incident).
    static func choice(_ field: ComposerField, of composer: ComposerState, viewer: Viewer, _ language: Language) -> (String, Bool) {
        switch field {
        case .kind:
            let kind = composer.fields["kind"].flatMap(TicketKind.init(lenient:)) ?? .question
            return (UIStrings.kindLabel(kind, language), Permissions.kindAllowed(kind, plan: ComposerAccount.plan(of: composer, viewer: viewer)))
        case .account:
            return (TextSafety.sanitizedLine(ComposerAccount.chosen(composer) ?? ""), true)
        case .contact:
            return (UIStrings.contactLabel(composer.fields["contact"].flatMap(ContactPreference.init(lenient:)) ?? .portal, language), true)
        default:
            return (UIStrings.urgencyLabel(composer.fields["urgency"].flatMap(Urgency.init(lenient:)) ?? .none, language), true)
        }
    }
}

/// Caret geometry of the composer, shared by the renderer and the key handling (Up/Down move
/// by wrapped line, so they need the same wrapping as the screen).
public enum ComposerGeometry {
    static func text(of field: ComposerField, in composer: ComposerState) -> String {
        switch field {
        case .subject: composer.subject
        case .body: composer.body
        default: composer.fields[field.rawValue] ?? ""
        }
    }

    /// The wrapped line holding the caret and its column.
    static func caretLine(in lines: [TextWrap.Line], cursor: Int) -> (line: Int, column: Int) {
        var lineIndex = 0
        for (index, line) in lines.enumerated() where line.start <= cursor {
            lineIndex = index
        }
        guard lines.indices.contains(lineIndex) else { return (0, 0) }
        let line = lines[lineIndex]
        let offset = min(cursor - line.start, line.length)
        return (lineIndex, DisplayWidth.of(String(line.text.prefix(offset))))
    }

    /// Where the caret lands one wrapped line up (`delta` -1) or down (+1), at the same column
    /// as near as the line allows; nil at the first or last line.
    public static func verticalMove(_ state: DeskState, size: TerminalSize, delta: Int) -> Int? {
        guard let composer = state.composer, composer.field == .body,
              let rect = Layout(state: state, size: size).composer else { return nil }
        let lines = TextWrap.lines(composer.body, width: rect.width - 2)
        let caret = caretLine(in: lines, cursor: composer.cursor)
        let target = caret.line + delta
        guard lines.indices.contains(target) else { return nil }
        let line = lines[target]
        var column = 0
        var offset = 0
        for character in line.text {
            let width = DisplayWidth.of(character)
            if column + width > caret.column { break }
            column += width
            offset += 1
        }
        return line.start + min(offset, line.length)
    }
}
