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
    case ticketLoaded(TicketDetail)
    case historyScrolled(by: Int)
    case focusCycled(forward: Bool)
    case composerOpened(ComposerKind)
    case draftLoaded(Draft?)
    case composerEdited(subject: String, body: String)
    case composerSubmitted
    case composerClosed
    case messageSent(Message, ticketNumber: Int64)
    case ticketCreated(Ticket)
    case statusChangeRequested(TicketStatus)
    case assignRequested(handle: String?)
    case watchToggled
    case ticketChanged(Ticket, info: String)
    case searchStarted
    case searchQueryChanged(String)
    case searchResultsLoaded(query: String, [TicketSummary])
    case searchClosed
    case refreshRequested
    case deskChanged
    case backRequested
    case quitRequested
    case failed(DeskError)
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
}
