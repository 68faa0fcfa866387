import Foundation

/// Events: what happened (a key, a result, a resize), never "set X".
public enum DeskAction: Equatable, Sendable {
    case started
    case terminalResized(TerminalSize)
    case viewSelected(CaseView)
    case sortCycled
    case orderFlipped
    case selectionMoved(by: Int)
    case pageMoved(by: Int)
    case jumpedToTop
    case jumpedToBottom
    case pageLoaded(PageRequest, TicketPage, PagePlacement)
    case countsLoaded([CaseView: Int])
    case ticketOpened
    /// Open this ticket directly (a start-up argument, a benchmark, a link).
    case ticketRequested(number: Int64)
    case ticketLoaded(TicketDetail)
    case historyScrolled(by: Int)
    case focusCycled(forward: Bool)
    case composerOpened(ComposerKind)
    case draftLoaded(Draft?)
    /// The desk was busy (another process writing): the draft is kept to be saved again.
    case draftSaveDeferred(Draft)
    case composerEdited(subject: String, body: String)
    case composerSubmitted
    case composerClosed
    case messageSent(Message, ticketNumber: Int64)
    case ticketCreated(Ticket)
    case statusChangeRequested(TicketStatus)
    case assignRequested(handle: String?)
    case watchToggled
    case ticketChanged(Ticket, info: Phrase)
    case searchStarted
    case searchQueryChanged(String)
    case searchResultsLoaded(query: String, [TicketSummary])
    case searchClosed
    case refreshRequested
    case deskChanged
    case backRequested
    /// Esc in the panes: closes the search, the composer or the open ticket, never the client.
    case closeRequested
    case quitRequested
    case failed(DeskError)
    /// The client's clock moved (relative ages on screen follow it).
    case clockTicked(Date)
    /// A key or paste edited the composer's focused field.
    case composerInput(TextEdit)
    /// Tab / Shift-Tab inside the new-ticket form.
    case composerFieldMoved(forward: Bool)
    /// Left/Right or Space on a choice field (kind, urgency).
    case composerChoiceCycled(forward: Bool)
    /// The external editor returned the whole body.
    case composerBodyReplaced(String)
    case searchInput(TextEdit)
    case searchSelectionMoved(by: Int)
    case helpToggled
    case statusMenuRequested
    case assignMenuRequested
    case agentsLoaded([User])
    case menuMoved(by: Int)
    case menuChosen
    case menuClosed
    /// The client laid out the open ticket: its height in lines (exact where laid out, else
    /// estimated), the pane's rows, and the line it drew on top (`nil`: the scroll as is).
    case detailMeasured(contentHeight: Int, viewportHeight: Int, firstLine: Int? = nil)
    /// A key was pressed: the last info or error message has been read.
    case messageDismissed
    /// Information for the bottom line (a config problem, an auto-close report at start).
    case infoShown(Phrase)
    /// A mouse click on the n-th visible row of the list.
    case listRowClicked(Int)
    /// The discard key in the composer: a written draft asks first, an untouched one goes.
    case draftDiscardRequested
    /// "Discard this draft?" answered yes: the draft is deleted and the composer closes.
    case draftDiscardConfirmed
    /// Enter on the Watchers field: offer the people who may be named, as a menu.
    case watcherMenuRequested
    case watcherCandidatesLoaded([User])
    /// `#`: the go-to-number prompt opened; typing in it; Esc; Enter.
    case jumpStarted
    case jumpInput(TextEdit)
    case jumpCancelled
    case jumpSubmitted
    /// Go to this ticket number (Enter on a search for `#161`).
    case jumpRequested(number: Int64)
    case jumpTargetLoaded(TicketDetail)
    /// No ticket with that number that this viewer may see.
    case jumpTargetMissing(number: Int64)
    /// The requester answered the possible-duplicate warning.
    case duplicateChoiceMade(DuplicateChoice)
    /// The terminal delivered a paste (bracketed paste): text for the focused field, never keys.
    case textPasted(String)
    /// The answer to a yes/no question (`Overlay.confirm`); no is the default.
    case confirmationAnswered(yes: Bool)
    /// The viewer's saved views and their (bounded) counts, read again with the counts.
    case savedViewsLoaded([SavedView], counts: [String: Int])
    /// Show a saved view's tickets (a tab, `:view NAME`).
    case savedViewSelected(name: String)
    /// `6`..`9`: the saved view in that place among the tabs (0 for the first).
    case savedViewTabChosen(position: Int)
    /// `:save NAME CONDITIONS`, or `:save NAME` from the search, which saves its conditions.
    case viewSaveRequested(name: String, conditions: String)
    case viewSaved(SavedView)
    /// `:sort KEY`.
    case sortChosen(SortKey)
    /// The `:` command line: opened (from the search, with its query to save), edited, Tab /
    /// Shift-Tab completion, Up/Down history, Esc, Enter.
    case commandLineStarted(prefill: String)
    case commandLineInput(TextEdit)
    case commandLineCompleted(forward: Bool)
    case commandLineRecalled(by: Int)
    case commandLineCancelled
    case commandLineSubmitted
    /// The agents' handles, for completing `:assign`.
    case agentHandlesLoaded([String])
    /// Lines of matching text for search results of `query`.
    case snippetsLoaded(query: String, [TicketID: String])
    /// `]` / `[`: pick the next / previous message of the open ticket's thread.
    case messageSelectionMoved(by: Int)
    /// The client scrolled the picked message into view: the detail's new first line.
    case selectedMessageRevealed(firstLine: Int)
    /// `Q`: a reply quoting the picked message (or the last one).
    case quoteRequested
    /// Ctrl-T in an agent's reply: plain reply, ask the customer, propose a solution.
    case replyIntentCycled
    /// `v`: the open ticket's attachments, as a menu.
    case attachmentMenuRequested
    /// Enter in the attachment menu: open the highlighted one in a viewer.
    case attachmentOpenRequested
    /// The client ran the viewer (nil) or could not (why).
    case attachmentOpenFinished(failure: Phrase?)
    /// `s` in the attachment menu: ask where to save the highlighted one.
    case savePromptRequested
    /// The composer's attach key: ask for a file to send with the message.
    case attachPromptRequested
    case pathPromptInput(TextEdit)
    /// Tab in a path prompt: complete the file name.
    case pathCompletionRequested
    /// The names in the typed path's folder that start with its last part (folders end in `/`).
    case pathCompletionsLoaded(typed: String, [String])
    case pathPromptSubmitted
    case attachmentSaved(path: String, size: Int64)
    /// Saving would replace this file: ask first.
    case saveTargetExists(attachmentID: AttachmentID, path: String)
    /// The file to attach is readable and within the limit: it goes with the message.
    case composerFileAccepted(path: String)
    case unreadCountsLoaded([CaseView: Int])
    /// `N`: the selected ticket becomes unread again (as mutt's N).
    case markUnreadRequested
    /// `t`: tag or untag the selected row, then move down.
    case tagToggled
    /// `T`: tag the tickets of the view (the first `BulkLimits.tagAllLimit`).
    case tagAllRequested
    case tagTargetsLoaded(TicketPage)
    /// The loop, between frames: run the next batch of the bulk action.
    case bulkContinued
    case bulkBatchDone([BulkOutcome])
    /// The detail pane comes near messages of the open ticket whose bodies are not read yet.
    case historyBodiesNeeded([MessageID])
    /// Bodies read for the ticket numbered `number`.
    case historyBodiesLoaded(number: Int64, bodies: [MessageID: String])
    /// The help overlay scrolled to this row (the client knows how tall it is and clamps).
    case helpScrolled(to: Int)
    /// `W`: add or remove watchers of the ticket in front of the reader.
    case ticketWatchersRequested
    case ticketWatcherCandidatesLoaded(number: Int64, [User])
    /// The desk answered again after it could not be reached (`DeskState.deskUnreachable`).
    case deskReconnected
    /// The client puts a refusal of its own on the bottom line.
    case errorShown(Phrase)
    /// The reader chose the language the screens speak (`:language fr`).
    case languageChosen(Language)
    /// The knowledge base's screens (`ArticlesState`).
    case article(ArticleAction)
    /// Folding the quoted history of mailed messages (`QuotedHistoryFolding`).
    case quotedHistory(QuotedHistoryAction)
    /// The reader's mail notification preferences (`MailPreferencesState`).
    case mailPreferences(MailPreferencesAction)
    case ticketEdit(TicketEditAction)
    /// The Reports screen (`ReportsState`).
    case report(ReportsAction)
    /// An agent takes a call-back request or records its outcome (`CallbackClient.swift`).
    case callback(CallbackAction)
    /// The People screen of customer administrators (`PeopleState`).
    case people(PeopleAction)
}

/// The answers to "this looks like your active ticket #N".
public enum DuplicateChoice: String, CaseIterable, Equatable, Sendable {
    /// Reply on the existing ticket with the new ticket's text.
    case replyThere
    /// Create the new ticket all the same.
    case createAnyway
    /// Close the warning and go on editing the new ticket.
    case keepEditing
}

/// Where a loaded page goes in the list window.
public enum PagePlacement: Equatable, Sendable {
    /// A new list (view or order changed, first start): select `select` or the first row.
    case replace(select: TicketID?)
    /// The last rows of the view (`G`): select the last row.
    case replaceAtBottom
    /// Rows after the window.
    case append
    /// Rows before the window.
    case prepend
    /// A window read from this ticket (an opened search result): taken only when it holds
    /// the ticket, else the ticket is not in the view and the window stays as it was.
    case around(TicketID)
}
