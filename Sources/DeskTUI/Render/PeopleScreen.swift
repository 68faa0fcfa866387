import DeskModel

/// The People screen over the panes (`PeopleState`): a "People" tab on the top bar, a title
/// naming the organisation, then its members in columns, the organisation's audit, or the
/// small form (a new portal user, a key to authorise).
enum PeopleScreen {
    static func draw(_ state: DeskState, into grid: inout Grid) {
        guard let people = state.people, grid.height > 3 else { return }
        let language = state.language
        drawTab(state, into: &grid)
        let rect = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        grid.fill(rect, style: .normal)
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: .bar)
        grid.write(" " + TextSafety.sanitizedLine(PeopleStrings.title(people, language)), x: rect.x, y: rect.y, style: .bar, limit: rect.width)
        if people.isLoading || people.isBusy {
            let loading = UIStrings.loading(language)
            let x = max(rect.x + 1, rect.maxX - DisplayWidth.of(loading) - 1)
            grid.write(loading, x: x, y: rect.y, style: .bar, limit: rect.maxX - x)
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard !body.isEmpty else { return }
        if let form = people.form {
            drawForm(form, into: &grid, rect: body, language: language)
        } else if let audit = people.audit {
            drawAudit(audit, scroll: people.auditScroll, into: &grid, rect: body, language: language)
        } else {
            drawMembers(people, into: &grid, rect: body, language: language)
        }
    }

    /// Columns of the members' table: name and e-mail share what the others leave.
    struct MemberColumns {
        var name: Int, handle: Int, email: Int, access: Int, keys: Int

        init(_ people: PeopleState, width: Int, language: Language) {
            let titles = PeopleStrings.memberTitles(language)
            keys = max(DisplayWidth.of(titles[4]), 2)
            access = ([titles[3]] + people.members.map { PeopleStrings.access($0, language) }).map { DisplayWidth.of($0) }.max() ?? 0
            handle = min(16, ([titles[1]] + people.members.map(\.handle)).map { DisplayWidth.of($0) }.max() ?? 0)
            let rest = max(0, width - keys - access - handle - 8)
            name = rest < 20 ? rest : rest * 2 / 5
            email = rest < 20 ? 0 : rest - name
        }

        func line(_ cells: [String]) -> String {
            var parts = [DisplayWidth.fit(cells[0], to: name), DisplayWidth.fit(cells[1], to: handle)]
            if email > 0 { parts.append(DisplayWidth.fit(cells[2], to: email)) }
            parts += [DisplayWidth.fit(cells[3], to: access), DisplayWidth.fit(cells[4], to: keys, alignRight: true)]
            return parts.joined(separator: "  ")
        }
    }

    static func drawMembers(_ people: PeopleState, into grid: inout Grid, rect: Rect, language: Language) {
        let columns = MemberColumns(people, width: rect.width - 2, language: language)
        grid.write(" " + columns.line(PeopleStrings.memberTitles(language)), x: rect.x, y: rect.y, style: .dim, limit: rect.width)
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard !rows.isEmpty else { return }
        if people.members.isEmpty {
            if !people.isLoading {
                grid.write(" " + PeopleStrings.noMembers(language), x: rows.x, y: rows.y, style: .dim, limit: rows.width)
            }
            return
        }
        let first = max(0, min(people.selected - rows.height + 1, people.members.count - rows.height))
        for (offset, member) in people.members.dropFirst(first).prefix(rows.height).enumerated() {
            let isSelected = first + offset == people.selected
            let cells = [TextSafety.sanitizedLine(member.name), member.handle, TextSafety.sanitizedLine(member.email),
                         PeopleStrings.access(member, language), member.keyCount.map { String($0) } ?? "-"]
            let y = rows.y + offset
            if isSelected { grid.fill(Rect(x: rows.x, y: y, width: rows.width, height: 1), style: .selected) }
            grid.write(" " + columns.line(cells), x: rows.x, y: y, style: isSelected ? .selected : .normal, limit: rows.width)
        }
    }

    static func drawAudit(_ audit: [AuditEntry], scroll: Int, into grid: inout Grid, rect: Rect, language: Language) {
        let titles = PeopleStrings.auditTitles(language)
        let width = rect.width - 2
        let when = max(16, DisplayWidth.of(titles[0]))
        let who = min(16, ([titles[1]] + audit.map(\.handle)).map { DisplayWidth.of($0) }.max() ?? 0)
        let outcome = min(24, ([titles[3]] + audit.map { TextSafety.sanitizedLine($0.outcome) }).map { DisplayWidth.of($0) }.max() ?? 0)
        let command = max(0, width - when - who - outcome - 6)
        func line(_ cells: [String]) -> String {
            [DisplayWidth.fit(cells[0], to: when), DisplayWidth.fit(cells[1], to: who),
             DisplayWidth.fit(cells[2], to: command), DisplayWidth.truncate(cells[3], to: outcome)].joined(separator: "  ")
        }
        grid.write(" " + line(titles), x: rect.x, y: rect.y, style: .dim, limit: rect.width)
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard !rows.isEmpty else { return }
        if audit.isEmpty {
            grid.write(" " + PeopleStrings.noAudit(language), x: rows.x, y: rows.y, style: .dim, limit: rows.width)
            return
        }
        let first = min(scroll, max(0, audit.count - rows.height))
        for (offset, entry) in audit.dropFirst(first).prefix(rows.height).enumerated() {
            let cells = [DateText.minute(entry.at, in: language), entry.handle,
                         TextSafety.sanitizedLine(entry.command), TextSafety.sanitizedLine(entry.outcome)]
            grid.write(" " + line(cells), x: rows.x, y: rows.y + offset, style: .normal, limit: rows.width)
        }
    }

    static func drawForm(_ form: PeopleForm, into grid: inout Grid, rect: Rect, language: Language) {
        let labelWidth = form.fields.map { DisplayWidth.of(PeopleStrings.fieldLabel($0, language)) }.max().map { $0 + 3 } ?? 0
        var y = rect.y + 1
        for field in form.fields {
            guard y < rect.maxY else { break }
            let isCurrent = form.focused == field
            grid.write(DisplayWidth.fit(" " + PeopleStrings.fieldLabel(field, language), to: labelWidth), x: rect.x, y: y,
                       style: isCurrent ? .heading : .dim)
            let x = rect.x + labelWidth
            let room = rect.maxX - x - 1
            if field == .access {
                let shown = PeopleStrings.accessLabel(form.caseAccess, language)
                grid.write(isCurrent ? "‹ \(shown) ›" : "  \(shown)", x: x, y: y, style: isCurrent ? .selected : .normal, limit: room)
            } else {
                var shown = TextSafety.sanitizedLine(form.value(field))
                var shift = 0
                // A long value (a pasted key) scrolls so that the caret stays in view.
                while isCurrent, DisplayWidth.of(String(shown.prefix(max(0, form.cursor - shift)))) >= room, !shown.isEmpty {
                    shown.removeFirst()
                    shift += 1
                }
                grid.write(shown, x: x, y: y, style: .normal, limit: room)
                if isCurrent { grid.cursor = (x + DisplayWidth.of(String(shown.prefix(form.cursor - shift))), y) }
            }
            y += 1
        }
        if y + 1 < rect.maxY {
            grid.write(" " + PeopleStrings.formNote(form, language), x: rect.x, y: y + 1, style: .dim, limit: rect.width - 1)
        }
    }

    /// "People" as the active tab, right of the top bar's last tab where there is room.
    static func drawTab(_ state: DeskState, into grid: inout Grid) {
        let layout = TopBarLayout(state, width: grid.width)
        let end = max(layout.tabs.map(\.columns.upperBound).max() ?? 0, layout.savedTabs.map(\.columns.upperBound).max() ?? 0)
        let label = " " + PeopleStrings.tab(state.language) + " "
        guard end + 1 + DisplayWidth.of(label) <= grid.width else { return }
        // The sort label is the list's: the screen's tab takes its place.
        grid.fill(Rect(x: end, y: 0, width: grid.width - end, height: 1), style: .bar)
        grid.write(label, x: end + 1, y: 0, style: .tabActive)
    }
}

/// The People screen's own words.
enum PeopleStrings {
    static func tab(_ language: Language) -> String { Phrase.client("People", context: "tab of the People screen").text(in: language) }

    static func title(_ people: PeopleState, _ language: Language) -> String {
        guard let organisation = people.organisation else { return tab(language) }
        let phrase: Phrase
        if let form = people.form {
            switch form.purpose {
            case .newUser: phrase = Phrase.client("New portal user of {organisation}", ["organisation": .text(organisation)])
            case .key(let handle): phrase = Phrase.client("Authorise an SSH key for {handle}", ["handle": .text(handle)])
            }
        } else if people.audit != nil {
            phrase = Phrase.client("Who did what at {organisation}", ["organisation": .text(organisation)])
        } else {
            let count = people.members.count
            phrase = Phrase.client(one: "People of {organisation} · {count} portal user", other: "People of {organisation} · {count} portal users",
                                   count: count, ["organisation": .text(organisation), "count": .quantity(Int64(count))])
        }
        var title = phrase.text(in: language)
        if people.organisations.count > 1, people.form == nil, let index = people.organisations.firstIndex(of: organisation) {
            title += " (\(index + 1)/\(people.organisations.count))"
        }
        return title
    }

    static func memberTitles(_ language: Language) -> [String] {
        [Phrase.client("NAME", context: "column title"), Phrase.client("HANDLE", context: "column title"),
         Phrase.client("E-MAIL", context: "column title"), Phrase.client("ACCESS", context: "column title"),
         Phrase.client("KEYS", context: "column title")].map { $0.text(in: language) }
    }

    static func auditTitles(_ language: Language) -> [String] {
        [Phrase.client("WHEN", context: "column title"), Phrase.client("WHO", context: "column title"),
         Phrase.client("COMMAND", context: "column title"), Phrase.client("OUTCOME", context: "column title")].map { $0.text(in: language) }
    }

    static func accessLabel(_ access: CaseAccess, _ language: Language) -> String {
        let phrase = switch access {
        case .own: Phrase.client("own cases", context: "case access")
        case .organisation: Phrase.client("organisation's", context: "case access")
        }
        return phrase.text(in: language)
    }

    /// The access, and "admin" for the organisation's customer administrators.
    static func access(_ member: PeopleState.Member, _ language: Language) -> String {
        let access = accessLabel(member.caseAccess, language)
        guard member.isAdministrator else { return access }
        return access + " · " + Phrase.client("admin", context: "customer administrator mark").text(in: language)
    }

    static func fieldLabel(_ field: PeopleForm.Field, _ language: Language) -> String {
        let phrase = switch field {
        case .name: Phrase.client("Name", context: "people form label")
        case .email: Phrase.client("E-mail", context: "people form label")
        case .handle: Phrase.client("Handle", context: "people form label")
        case .access: Phrase.client("Case access", context: "people form label")
        case .key: Phrase.client("Public key", context: "people form label")
        }
        return phrase.text(in: language)
    }

    static func formNote(_ form: PeopleForm, _ language: Language) -> String {
        let phrase = switch form.purpose {
        case .newUser: Phrase.client("The handle is how they are known: lower-case letters, digits, - and _")
        case .key: Phrase.client("Paste the line of their .pub file (ssh-ed25519 AAAA… name)")
        }
        return phrase.text(in: language)
    }

    static func noMembers(_ language: Language) -> String { Phrase.client("No portal users yet").text(in: language) }
    static func noAudit(_ language: Language) -> String { Phrase.client("Nothing recorded yet").text(in: language) }
}
