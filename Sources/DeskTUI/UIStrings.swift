import DeskModel

/// Every sentence and label the full-screen client shows, in one place, each declared as a
/// client phrase (`Phrase.client`) and rendered in the reader's language; the translations
/// are in `Catalogues/<tag>.po`. (Refusals from the desk itself come from `DeskError`.)
public enum UIStrings {
    static func terminalTooSmall(_ language: Language) -> String { Phrase.client("Terminal too small").text(in: language) }
    static func terminalTooSmallDetail(minColumns: Int, minRows: Int, _ language: Language) -> String {
        Phrase.client("need {columns}x{rows}", ["columns": .number(Int64(minColumns)), "rows": .number(Int64(minRows))]).text(in: language)
    }
    static func noTickets(_ language: Language) -> String { Phrase.client("No tickets in this view").text(in: language) }
    static func loading(_ language: Language) -> String { Phrase.client("Loading…").text(in: language) }
    static func noTicketOpen(_ language: Language) -> String { Phrase.client("No ticket open: Enter opens the selected one").text(in: language) }
    static func history(_ language: Language) -> String { Phrase.client("History").text(in: language) }
    static func internalNote(_ language: Language) -> String { Phrase.client("INTERNAL NOTE").text(in: language) }
    static func unassigned(_ language: Language) -> String { Phrase.client("unassigned").text(in: language) }
    static func searchPrompt(_ language: Language) -> String { Phrase.client("Search: ").text(in: language) }
    static func jumpPrompt(_ language: Language) -> String { Phrase.client("Go to ticket #").text(in: language) }
    static func jumpHints(_ language: Language) -> [(String, String)] {
        [("enter", Phrase.client("go", context: "key hint on the bottom line, short").text(in: language)), ("esc", cancelHint(language))]
    }
    static func jumpOffer(_ number: Int64, _ language: Language) -> String {
        Phrase.client("Enter: go to ticket #{number}", ["number": .text(String(number))]).text(in: language)
    }
    static func searchHint(_ language: Language) -> String { Phrase.client("type to search · ↑/↓ select · Enter open · Esc close").text(in: language) }
    static func noSearchResults(_ language: Language) -> String { Phrase.client("No tickets match").text(in: language) }
    static func helpTitle(_ language: Language) -> String { Phrase.client("Keys").text(in: language) }
    static func ticketWatchersTitle(_ number: Int64, _ language: Language) -> String {
        Phrase.client("Watchers of #{number}", ["number": .text(String(number))]).text(in: language)
    }
    static func copied(_ text: String) -> Phrase { Phrase.client("Copied {text}", ["text": .text(text)]) }
    static func ticketWatchersHint(_ language: Language) -> String { Phrase.client("Enter adds or removes · ✓ watches").text(in: language) }
    /// The help's last line when it scrolls: which rows show, and whether more lie above or below.
    static func helpPosition(first: Int, shown: Int, of total: Int, _ language: Language) -> String {
        let last = min(total, first + shown)
        let more = first == 0 ? Phrase.client("↓ more below") : last >= total ? Phrase.client("↑ more above") : Phrase.client("↑↓ more above and below")
        return Phrase.client("{more} · rows {first}–{last} of {total}", [
            "more": .phrase(more), "first": .number(Int64(first + 1)), "last": .number(Int64(last)), "total": .number(Int64(total)),
        ]).text(in: language)
    }
    static func helpScrollHints(_ language: Language) -> [(String, String)] {
        [("j/k pgdn/pgup", Phrase.client("scroll", context: "key hint on the bottom line, short").text(in: language)),
         (Phrase.client("other keys").text(in: language), closeHint(language))]
    }
    static func anyKeyClosesHints(_ language: Language) -> [(String, String)] {
        [(Phrase.client("any key").text(in: language), closeHint(language))]
    }
    /// The status menu's title: for one ticket, or for the tagged ones.
    static func statusMenuTitle(_ number: Int64, _ state: DeskState) -> String {
        let phrase = number == BulkLimits.taggedTickets
            ? Phrase.client(one: "Change status of {count} ticket", other: "Change status of {count} tickets", count: state.tagged.count,
                            ["count": .quantity(Int64(state.tagged.count))])
            : Phrase.client("Change status #{number}", ["number": .text(String(number))])
        return phrase.text(in: state.language)
    }
    /// The assign menu's title: for one ticket, or for the tagged ones.
    static func assignMenuTitle(_ number: Int64, _ state: DeskState) -> String {
        let phrase = number == BulkLimits.taggedTickets
            ? Phrase.client(one: "Assign {count} ticket to", other: "Assign {count} tickets to", count: state.tagged.count,
                            ["count": .quantity(Int64(state.tagged.count))])
            : Phrase.client("Assign to #{number}", ["number": .text(String(number))])
        return phrase.text(in: state.language)
    }
    static func unassign(_ language: Language) -> String { unassigned(language) }
    static func menuHint(_ language: Language) -> String { Phrase.client("↑/↓ choose · Enter apply · Esc cancel").text(in: language) }
    static func sending(_ language: Language) -> String { Phrase.client("Sending…").text(in: language) }
    static func duplicateTitle(_ language: Language) -> String { Phrase.client("Possible duplicate").text(in: language) }
    static func duplicateIntro(_ language: Language) -> String { Phrase.client("This looks like your active ticket").text(in: language) }
    static func duplicateExisting(_ number: Int64, subject: String, _ language: Language) -> String {
        Phrase.client("#{number} \"{subject}\"", ["number": .text(String(number)), "subject": .text(subject)]).text(in: language)
    }

    /// The rows of the duplicate warning, which name the existing ticket.
    static func duplicateChoice(_ command: Command, number: Int64, _ language: Language) -> String {
        let phrase = switch command {
        case .replyThere: Phrase.client("reply on #{number} instead, with this text", ["number": .text(String(number))])
        case .createAnyway: Phrase.client("create the new ticket anyway")
        default: Phrase.client("back to editing")
        }
        return phrase.text(in: language)
    }
    static func desk(_ language: Language) -> String { Phrase.client("desk").text(in: language) }

    static func confirmationTitle(_ confirmation: Confirmation, _ language: Language) -> String {
        let phrase = switch confirmation {
        case .closeTicket(let number): Phrase.client("Close #{number}", ["number": .text(String(number))])
        case .overwriteFile: Phrase.client("Replace file")
        case .bulk(_, let count):
            Phrase.client(one: "{count} tagged ticket", other: "{count} tagged tickets", count: count, ["count": .quantity(Int64(count))])
        case .removeMember: Phrase.client("Remove account")
        case .revokeKeys: Phrase.client("Revoke SSH keys")
        }
        return phrase.text(in: language)
    }

    static func confirmationQuestion(_ confirmation: Confirmation, _ language: Language) -> String {
        switch confirmation {
        case .closeTicket(let number):
            Phrase.client("Close #{number} for good? A follow-up will be needed to continue (y/N)", ["number": .text(String(number))]).text(in: language)
        case .overwriteFile(_, let path):
            Phrase.client("{path} exists. Replace it? (y/N)", ["path": .text(TextSafety.sanitizedLine(path))]).text(in: language)
        case .bulk(let operation, let count): BulkStrings.question(operation, count: count, language)
        case .removeMember(let handle, let organisation):
            Phrase.client("Remove {handle}'s account with {organisation}? (y/N)",
                          ["handle": .text(handle), "organisation": .text(TextSafety.sanitizedLine(organisation))]).text(in: language)
        case .revokeKeys(let handle, _):
            Phrase.client("Revoke every SSH key of {handle}? They can no longer log in with them (y/N)", ["handle": .text(handle)]).text(in: language)
        }
    }

    /// The rows under a question, one per answer.
    static func confirmationChoice(_ command: Command, _ confirmation: Confirmation, _ language: Language) -> String {
        switch (command, confirmation) {
        case (.confirmYes, .closeTicket): Phrase.client("close it for good").text(in: language)
        case (.confirmYes, .overwriteFile): Phrase.client("replace the file").text(in: language)
        case (.confirmYes, .bulk(let operation, let count)): BulkStrings.yes(operation, count: count, language)
        case (.confirmYes, .removeMember): Phrase.client("remove the account").text(in: language)
        case (.confirmYes, .revokeKeys): Phrase.client("revoke the keys").text(in: language)
        case (_, .bulk): Phrase.client("change nothing").text(in: language)
        default: Phrase.client("keep it as it is").text(in: language)
        }
    }

    static func composerTitle(_ kind: ComposerKind, number: Int64?, _ language: Language) -> String {
        let number: [String: PhraseArgument] = ["number": .text(String(number ?? 0))]
        let phrase = switch kind {
        case .reply: Phrase.client("Reply to #{number}", number)
        case .internalNote: Phrase.client("Internal note on #{number} (agents only)", number)
        case .newTicket: Phrase.client("New ticket")
        case .followUp: Phrase.client("Follow-up of #{number}", number)
        }
        return phrase.text(in: language)
    }

    /// The composer form's labels (their own entries: the form's label column is narrower).
    static func fieldLabel(_ field: ComposerField, _ language: Language) -> String {
        let phrase = switch field {
        case .subject: Phrase.client("Subject", context: "composer form label")
        case .kind: Phrase.client("Kind", context: "composer form label")
        case .product: Phrase.client("Product", context: "composer form label")
        case .category: Phrase.client("Category", context: "composer form label")
        case .subcategory: Phrase.client("Subcategory", context: "composer form label")
        case .urgency: Phrase.client("Urgency", context: "composer form label")
        case .contact: Phrase.client("Contact", context: "composer form label")
        case .account: Phrase.client("Account", context: "composer form label")
        case .watchers: Phrase.client("Watchers", context: "composer form label")
        case .body: Phrase.client("Description", context: "composer form label")
        }
        return phrase.text(in: language)
    }

    static func contactLabel(_ contact: ContactPreference, _ language: Language) -> String {
        switch contact {
        case .portal: Phrase.client("Portal").text(in: language)
        case .email: Phrase.client("Email").text(in: language)
        }
    }

    /// After a kind the viewer's plan does not include (the bottom line says why).
    static func kindUnavailable(_ language: Language) -> String { Phrase.client("not in your plan").text(in: language) }
    static func assigneeLabel(_ language: Language) -> String { Phrase.client("Assignee", context: "composer form label").text(in: language) }
    /// Who a follow-up will go to, and why.
    static func inheritedAssignee(_ handle: String?, closedNumber: Int64, _ language: Language) -> String {
        let number = PhraseArgument.text(String(closedNumber))
        return (handle.map { Phrase.client("{handle} (handled #{number})", ["handle": .text($0), "number": number]) }
            ?? Phrase.client("unassigned (nobody held #{number})", ["number": number])).text(in: language)
    }
    static func watcherMenuTitle(_ language: Language) -> String { Phrase.client("Add a watcher").text(in: language) }
    static func watchersPlaceholder(_ language: Language) -> String { Phrase.client("handles, or Enter to pick from a list").text(in: language) }
    static func discardTitle(_ language: Language) -> String { Phrase.client("Discard draft").text(in: language) }
    static func discardQuestion(_ language: Language) -> String { Phrase.client("Discard this draft for good? (y/N)").text(in: language) }

    /// The detail pane's field names.
    static func fieldName(_ name: String, _ language: Language) -> String {
        let phrase: Phrase? = switch name {
        case "status": Phrase.client("Status")
        case "kind": Phrase.client("Kind")
        case "urgency": Phrase.client("Urgency")
        case "requester": Phrase.client("Requester")
        case "organisation": Phrase.client("Organisation")
        case "assignee": Phrase.client("Assignee")
        case "product": Phrase.client("Product")
        case "contact": Phrase.client("Contact")
        case "followUpOf": Phrase.client("Follow-up of")
        case "created": Phrase.client("Created")
        case "updated": Phrase.client("Updated")
        case "watchers": Phrase.client("Watchers")
        case "attachment": Phrase.client("Attachment")
        case "firstReply": Phrase.client("First reply", context: "service-level target")
        case "resolution": Phrase.client("Resolution", context: "service-level target")
        default: nil
        }
        return phrase?.text(in: language) ?? name
    }

    static func kindLabel(_ kind: TicketKind, _ language: Language) -> String {
        let phrase = switch kind {
        case .incident: Phrase.client("Incident")
        case .serviceRequest: Phrase.client("Service request")
        case .question: Phrase.client("Question")
        }
        return phrase.text(in: language)
    }

    static func urgencyLabel(_ urgency: Urgency, _ language: Language) -> String {
        let phrase = switch urgency {
        case .none: Phrase.client("None")
        case .low: Phrase.client("Low")
        case .serious: Phrase.client("Serious")
        case .critical: Phrase.client("Critical")
        }
        return phrase.text(in: language)
    }

    /// The urgency column of the list: the same words, and nothing for none.
    static func urgencyInList(_ urgency: Urgency, _ language: Language) -> String {
        urgency == .none ? "" : urgencyLabel(urgency, language)
    }

    /// The status column of the list, as the viewer's role sees it, short: at most
    /// `ListPane.statusWidth` columns in every language (the catalogue test measures them).
    static func statusShort(_ status: TicketStatus, role: Role, _ language: Language) -> String {
        let phrase: Phrase
        if role.isStaff {
            phrase = switch status {
            case .new: Phrase.client("new", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .open: Phrase.client("open", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .awaitingCustomer: Phrase.client("awaiting", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .pending: Phrase.client("pending", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .closed: Phrase.client("closed", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            }
        } else {
            phrase = switch status {
            case .new, .open: Phrase.client("Open", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .awaitingCustomer: Phrase.client("Action needed", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .pending: Phrase.client("Solution", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            case .closed: Phrase.client("Closed", context: "status in the list, at most 8 columns (staff) or 13 (customers)")
            }
        }
        return phrase.text(in: language)
    }

    static func roleLabel(_ role: Role, _ language: Language) -> String {
        let phrase = switch role {
        case .customer: Phrase.client("customer")
        case .agent: Phrase.client("agent")
        case .admin: Phrase.client("admin")
        }
        return phrase.text(in: language)
    }

    static func sortLabel(_ order: TicketOrder, in view: CaseView, _ language: Language) -> String {
        Phrase.client("sort: {order}", ["order": .phrase(order.labelPhrase(in: view))]).text(in: language)
    }

    /// The sort in a word or two, for a narrow top bar.
    static func sortShort(_ order: TicketOrder, in view: CaseView, _ language: Language) -> String {
        let phrase = switch (order.key, order.reversed) {
        case (.created, false): view == .recent
            ? Phrase.client("last viewed", context: "sort, short, in a narrow top bar") : Phrase.client("newest", context: "sort, short, in a narrow top bar")
        case (.created, true): view == .recent
            ? Phrase.client("first viewed", context: "sort, short, in a narrow top bar") : Phrase.client("oldest", context: "sort, short, in a narrow top bar")
        case (.updated, false): Phrase.client("updated ↓", context: "sort, short, in a narrow top bar")
        case (.updated, true): Phrase.client("updated ↑", context: "sort, short, in a narrow top bar")
        case (.triage, false): Phrase.client("triage", context: "sort, short, in a narrow top bar")
        case (.triage, true): Phrase.client("triage ↑", context: "sort, short, in a narrow top bar")
        case (.due, false): Phrase.client("due", context: "sort, short, in a narrow top bar")
        case (.due, true): Phrase.client("due ↑", context: "sort, short, in a narrow top bar")
        }
        return phrase.text(in: language)
    }

    /// Tab titles for a narrow top bar.
    static func viewShortTitle(_ view: CaseView, _ language: Language) -> String {
        let phrase = switch view {
        case .recent: Phrase.client("Rec", context: "view tab, short, in a narrow top bar")
        case .active: Phrase.client("Act", context: "view tab, short, in a narrow top bar")
        case .mine: Phrase.client("Mine", context: "view tab, short, in a narrow top bar")
        case .open: Phrase.client("Open", context: "view tab, short, in a narrow top bar")
        case .all: Phrase.client("All", context: "view tab, short, in a narrow top bar")
        }
        return phrase.text(in: language)
    }

    /// Help rows, one per command.
    static func commandLabel(_ command: Command, _ language: Language) -> String {
        let phrase = switch command {
        case .moveDown: Phrase.client("next ticket / scroll down")
        case .moveUp: Phrase.client("previous ticket / scroll up")
        case .pageDown: Phrase.client("page down")
        case .pageUp: Phrase.client("page up")
        case .top: Phrase.client("first ticket / top")
        case .bottom: Phrase.client("last ticket / bottom")
        case .open: Phrase.client("open the selected ticket")
        case .focusNext: Phrase.client("next pane")
        case .focusPrevious: Phrase.client("previous pane")
        case .viewRecent: viewRow(.recent)
        case .viewActive: viewRow(.active)
        case .viewMine: viewRow(.mine)
        case .viewOpen: viewRow(.open)
        case .viewAll: viewRow(.all)
        case .cycleSort: Phrase.client("sort: created / updated / triage")
        case .flipOrder: Phrase.client("flip the order")
        case .search: Phrase.client("full-text search")
        case .jumpToNumber: Phrase.client("go to a ticket by number")
        case .newTicket: Phrase.client("new ticket")
        case .reply: Phrase.client("reply")
        case .internalNote: Phrase.client("internal note")
        case .statusMenu: Phrase.client("change status")
        case .assign: Phrase.client("assign to an agent")
        case .assignToMe: Phrase.client("assign to me")
        case .watch: Phrase.client("watch / unwatch")
        case .followUp: Phrase.client("follow-up of a closed ticket")
        case .refresh: Phrase.client("refresh")
        case .close: Phrase.client("close search, composer or ticket")
        case .back: Phrase.client("back, then quit")
        case .quit: Phrase.client("quit (drafts are kept)")
        case .help: Phrase.client("this help")
        case .replyThere: Phrase.client("duplicate: reply there")
        case .createAnyway: Phrase.client("duplicate: create anyway")
        case .keepEditing: Phrase.client("duplicate: keep editing")
        case .confirmYes: Phrase.client("question: yes")
        case .confirmNo: Phrase.client("question: no (the default)")
        case .savedView: Phrase.client("saved views 1-4 (tabs)")
        case .commandLine: Phrase.client("command line (Tab completes)")
        case .nextMessage: Phrase.client("pick next message")
        case .previousMessage: Phrase.client("pick previous message")
        case .quote: Phrase.client("quote picked message")
        case .attachments: Phrase.client("attachments: open, save")
        case .tag: Phrase.client("tag / untag the row")
        case .tagAll: Phrase.client("tag the whole view")
        case .markUnread: Phrase.client("mark unread")
        case .send: Phrase.client("composer: send")
        case .closeComposer: Phrase.client("composer: close, keep draft")
        case .discardDraft: Phrase.client("composer: discard draft")
        case .externalEditor: Phrase.client("composer: $EDITOR")
        case .nextField: Phrase.client("composer: next field")
        case .previousField: Phrase.client("composer: previous field")
        case .composerHelp: Phrase.client("composer: this help")
        case .manageWatchers: Phrase.client("add / remove watchers")
        case .copyReference: Phrase.client("copy \"#42 Subject\"")
        case .replyIntent: Phrase.client("composer: reply intent")
        case .attachFile: Phrase.client("composer: attach a file")
        case .articles: Phrase.client("articles (knowledge base)")
        case .suggestedArticles: Phrase.client("new ticket: articles that may help")
        case .insertArticle: Phrase.client("reply: insert an article's link")
        case .articleSolved: Phrase.client("article: this solved it (files nothing)")
        case .articleInsertText: Phrase.client("picker: insert the article's text")
        case .toggleQuote: Phrase.client("fold / unfold a message's quoted history")
        case .toggleAllQuotes: Phrase.client("fold / unfold all quoted history")
        case .mailPreferences: Phrase.client("mail notifications you receive")
        case .editTicket: Phrase.client("edit the open ticket")
        case .reports: Phrase.client("reports: the team lead's figures")
        case .takeCallback: Phrase.client("take the call-back request (✆)")
        case .recordCallback: Phrase.client("call-back outcome: reached, no-answer, rescheduled")
        case .requestCallback: Phrase.client("ask to be called back")
        case .people: Phrase.client("people of your organisation")
        case .peopleAdd: Phrase.client("people: add a portal user")
        case .peopleAccess: Phrase.client("people: own cases / organisation's")
        case .peopleRemove: Phrase.client("people: remove the account")
        case .peopleKey: Phrase.client("people: authorise an SSH key")
        case .peopleRevoke: Phrase.client("people: revoke their SSH keys")
        case .peopleAudit: Phrase.client("people: who did what (audit)")
        case .peopleNextOrganisation: Phrase.client("people: next organisation")
        case .peoplePreviousOrganisation: Phrase.client("people: previous organisation")
        }
        return phrase.text(in: language)
    }

    /// "view: All open": the help row of a view's key names the view as its tab does.
    static func viewRow(_ view: CaseView) -> Phrase {
        Phrase.client("view: {name}", ["name": .phrase(view.titlePhrase)])
    }

    /// Short names for the hints on the bottom line, one for every command.
    static func commandHint(_ command: Command, _ language: Language) -> String {
        commandHintPhrase(command).text(in: language)
    }

    /// Exhaustive on purpose: a new command does not compile until it has its hint.
    static func commandHintPhrase(_ command: Command) -> Phrase {
        switch command {
        case .open: Phrase.client("open", context: "key hint on the bottom line, short")
        case .reply: Phrase.client("reply", context: "key hint on the bottom line, short")
        case .internalNote: Phrase.client("note", context: "key hint on the bottom line, short")
        case .statusMenu: Phrase.client("status", context: "key hint on the bottom line, short")
        case .assign: Phrase.client("assign", context: "key hint on the bottom line, short")
        case .newTicket: Phrase.client("new", context: "key hint on the bottom line, short")
        case .search: Phrase.client("search", context: "key hint on the bottom line, short")
        case .jumpToNumber: Phrase.client("go to #", context: "key hint on the bottom line, short")
        case .followUp: Phrase.client("follow-up", context: "key hint on the bottom line, short")
        case .watch: Phrase.client("watch", context: "key hint on the bottom line, short")
        case .back: Phrase.client("back", context: "key hint on the bottom line, short")
        case .help, .composerHelp: Phrase.client("help", context: "key hint on the bottom line, short")
        case .cycleSort: Phrase.client("sort", context: "key hint on the bottom line, short")
        case .quit: Phrase.client("quit", context: "key hint on the bottom line, short")
        case .replyThere: Phrase.client("reply there", context: "key hint on the bottom line, short")
        case .createAnyway: Phrase.client("create anyway", context: "key hint on the bottom line, short")
        case .keepEditing: Phrase.client("keep editing", context: "key hint on the bottom line, short")
        case .close: closeHintPhrase
        case .confirmYes: Phrase.client("yes", context: "key hint on the bottom line, short")
        case .confirmNo: Phrase.client("no", context: "key hint on the bottom line, short")
        case .moveDown: Phrase.client("down", context: "key hint on the bottom line, short")
        case .moveUp: Phrase.client("up", context: "key hint on the bottom line, short")
        case .pageDown: Phrase.client("page down", context: "key hint on the bottom line, short")
        case .pageUp: Phrase.client("page up", context: "key hint on the bottom line, short")
        case .top: Phrase.client("top", context: "key hint on the bottom line, short")
        case .bottom: Phrase.client("bottom", context: "key hint on the bottom line, short")
        case .focusNext: Phrase.client("next pane", context: "key hint on the bottom line, short")
        case .focusPrevious: Phrase.client("previous pane", context: "key hint on the bottom line, short")
        // A view's key is named as its tab is.
        case .viewRecent: CaseView.recent.titlePhrase
        case .viewActive: CaseView.active.titlePhrase
        case .viewMine: CaseView.mine.titlePhrase
        case .viewOpen: CaseView.open.titlePhrase
        case .viewAll: CaseView.all.titlePhrase
        case .flipOrder: Phrase.client("flip order", context: "key hint on the bottom line, short")
        case .assignToMe: Phrase.client("assign to me", context: "key hint on the bottom line, short")
        case .refresh: Phrase.client("refresh", context: "key hint on the bottom line, short")
        case .savedView: Phrase.client("saved view", context: "key hint on the bottom line, short")
        case .commandLine: Phrase.client("command", context: "key hint on the bottom line, short")
        case .nextMessage: Phrase.client("next message", context: "key hint on the bottom line, short")
        case .previousMessage: Phrase.client("previous message", context: "key hint on the bottom line, short")
        case .quote: Phrase.client("quote", context: "key hint on the bottom line, short")
        case .attachments: Phrase.client("attachments", context: "key hint on the bottom line, short")
        case .tag: Phrase.client("tag", context: "key hint on the bottom line, short")
        case .tagAll: Phrase.client("tag all", context: "key hint on the bottom line, short")
        case .markUnread: Phrase.client("mark unread", context: "key hint on the bottom line, short")
        case .send: Phrase.client("send", context: "key hint on the bottom line, short")
        case .closeComposer: Phrase.client("close, keep draft", context: "key hint on the bottom line, short")
        case .discardDraft: Phrase.client("discard", context: "key hint on the bottom line, short")
        case .externalEditor: Phrase.client("editor", context: "key hint on the bottom line, short")
        case .nextField: Phrase.client("next field", context: "key hint on the bottom line, short")
        case .previousField: Phrase.client("previous field", context: "key hint on the bottom line, short")
        case .manageWatchers: Phrase.client("watchers", context: "key hint on the bottom line, short")
        case .copyReference: Phrase.client("copy #", context: "key hint on the bottom line, short")
        case .replyIntent: Phrase.client("intent", context: "key hint on the bottom line, short")
        case .attachFile: Phrase.client("attach", context: "key hint on the bottom line, short")
        case .articles: Phrase.client("articles", context: "key hint on the bottom line, short")
        case .suggestedArticles: Phrase.client("suggestions", context: "key hint on the bottom line, short")
        case .insertArticle: Phrase.client("insert link", context: "key hint on the bottom line, short")
        case .articleSolved: Phrase.client("this solved it", context: "key hint on the bottom line, short")
        case .articleInsertText: Phrase.client("insert text", context: "key hint on the bottom line, short")
        case .toggleQuote: Phrase.client("quote", context: "key hint on the bottom line, quoted history")
        case .toggleAllQuotes: Phrase.client("all quotes", context: "key hint on the bottom line, short")
        case .mailPreferences: Phrase.client("mail", context: "key hint on the bottom line, short")
        case .editTicket: Phrase.client("edit", context: "key hint on the bottom line, short")
        case .reports: Phrase.client("reports", context: "key hint on the bottom line, short")
        case .takeCallback: Phrase.client("take call", context: "key hint on the bottom line, short")
        case .recordCallback: Phrase.client("call outcome", context: "key hint on the bottom line, short")
        case .requestCallback: Phrase.client("call me", context: "key hint on the bottom line, short")
        case .people: Phrase.client("people", context: "key hint on the bottom line, short")
        case .peopleAdd: Phrase.client("add", context: "key hint on the bottom line, short")
        case .peopleAccess: Phrase.client("access", context: "key hint on the bottom line, short")
        case .peopleRemove: Phrase.client("remove", context: "key hint on the bottom line, short")
        case .peopleKey: Phrase.client("SSH key", context: "key hint on the bottom line, short")
        case .peopleRevoke: Phrase.client("revoke keys", context: "key hint on the bottom line, short")
        case .peopleAudit: Phrase.client("audit", context: "key hint on the bottom line, short")
        case .peopleNextOrganisation: Phrase.client("next org", context: "key hint on the bottom line, short")
        case .peoplePreviousOrganisation: Phrase.client("previous org", context: "key hint on the bottom line, short")
        }
    }

    static let closeHintPhrase = Phrase.client("close", context: "key hint on the bottom line, short")
    static func closeHint(_ language: Language) -> String { closeHintPhrase.text(in: language) }
    static func cancelHint(_ language: Language) -> String { Phrase.client("cancel", context: "key hint on the bottom line, short").text(in: language) }
    static func chooseHint(_ language: Language) -> String { Phrase.client("choose", context: "key hint on the bottom line, short").text(in: language) }
    static func openHint(_ language: Language) -> String { Phrase.client("open", context: "key hint on the bottom line, short").text(in: language) }
    static func saveHint(_ language: Language) -> String { Phrase.client("save", context: "key hint on the bottom line, short").text(in: language) }

    /// The bottom line's keys in a menu.
    static func menuHints(_ language: Language) -> [(String, String)] {
        [("↑/↓", chooseHint(language)), ("enter", Phrase.client("apply", context: "key hint on the bottom line, short").text(in: language)),
         ("esc", cancelHint(language))]
    }

    /// The bottom line's keys in the search, with a number typed (go there) or without.
    static func searchHints(jumpNumber: Int64?, _ language: Language) -> [(String, String)] {
        if let number = jumpNumber {
            return [("enter", Phrase.client("go to #{number}", context: "key hint on the bottom line, short", ["number": .text(String(number))]).text(in: language)),
                    ("esc", closeHint(language))]
        }
        return [("↑/↓", Phrase.client("select", context: "key hint on the bottom line, short").text(in: language)), ("enter", openHint(language)),
                ("esc", closeHint(language))]
    }

    /// Every key of the composer, for the help overlay (the bottom line shows the first few).
    /// F1 is the help's own row; Enter on Watchers opens the pick list (shown in the field).
    /// Composer keys that depend on the field, beside its commands in the keymap.
    static func composerKeys(_ language: Language) -> [(String, String)] {
        [("← →", Phrase.client("composer: choice").text(in: language)), ("enter", Phrase.client("composer: pick watchers").text(in: language))]
    }
    static func discardHints(_ language: Language) -> [(String, String)] {
        [("y", Phrase.client("discard", context: "key hint on the bottom line, short").text(in: language)),
         (Phrase.client("any key").text(in: language), Phrase.client("keep", context: "key hint on the bottom line, short").text(in: language))]
    }
    static func composerHints(restricted: Bool, _ language: Language) -> [(String, String)] {
        let send = ("ctrl-s", Phrase.client("send", context: "key hint on the bottom line, short").text(in: language))
        let close = ("esc", Phrase.client("close, keep draft", context: "key hint on the bottom line, short").text(in: language))
        let editor = ("ctrl-e", Phrase.client("editor", context: "key hint on the bottom line, short").text(in: language))
        let next = ("tab", Phrase.client("next field", context: "key hint on the bottom line, short").text(in: language))
        return restricted ? [send, close, next] : [send, close, editor, next]
    }
}
