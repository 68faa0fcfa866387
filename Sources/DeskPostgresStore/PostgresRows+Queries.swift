import DeskModel
import DeskPostgres
import Foundation

// NOT WRITTEN YET: every method below throws `PostgresRowsMissing`; replace them all.

extension PostgresRows: TicketQueryRows {
    func ticketPage(_ query: TicketListQuery) throws -> (rows: [TicketSummary], hasMore: Bool) { throw PostgresRowsMissing(#function) }
    func ticketCount(_ query: TicketListQuery, upTo cap: Int?) throws -> Int { throw PostgresRowsMissing(#function) }
    func unreadTickets(among ids: [TicketID], reader: ListReader, now: Date) throws -> Set<TicketID> { throw PostgresRowsMissing(#function) }
    func unreadCounts(_ views: [(view: CaseView, branches: [ViewBranch])], reader: ListReader, now: Date) throws -> [CaseView: Int] { throw PostgresRowsMissing(#function) }
    func indexedSearch(_ words: SearchWords, _ query: TicketListQuery) throws -> [TicketSummary] { throw PostgresRowsMissing(#function) }
    func ticketTexts(ids: [TicketID]) throws -> [TicketText] { throw PostgresRowsMissing(#function) }
    func visitPublicMessages(ticketIDs: [TicketID], _ visit: (TicketID, String, Date) throws -> Bool) throws { throw PostgresRowsMissing(#function) }
    func visitSearchableTexts( ticketIDs: [TicketID], visibility: TicketVisibility, messageLimit: Int, _ visit: (TicketID, [String]) throws -> Void ) throws { throw PostgresRowsMissing(#function) }
}
