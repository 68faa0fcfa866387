import Foundation
import GRDB

/// Reading a ticket's history whole or as an outline with the bodies near its ends.
extension SQLiteDeskStore {
    /// Messages the viewer may see in time order, and the length (in characters) of each body
    /// left unread.
    static func history(
        _ db: Database, ticketID: TicketID, viewer: Viewer, bodies: HistoryBodies
    ) throws -> (messages: [Message], unloadedBodies: BodyLengths) {
        let internalFilter = viewer.isStaff ? "" : " AND kind != 'internalNote'"
        guard case .nearEnds(let count) = bodies else {
            var messages: [Message] = []
            // Read by position through a cursor: a ticket may hold tens of thousands of
            // messages, and looking columns up by name dominated opening one.
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(RowDecoding.messageColumns) FROM message WHERE ticket_id = ?\(internalFilter) ORDER BY created_at, id",
                arguments: [ticketID])
            while let row = try rows.next() { messages.append(RowDecoding.message(positional: row)) }
            return (messages, [:])
        }
        var (messages, lengths) = try historyOutline(db, ticketID: ticketID, viewer: viewer)
        let bodied = messages.indices.filter { messages[$0].kind != .systemEvent }
        let wanted = bodied.count <= 2 * count ? bodied : Array(bodied.prefix(count) + bodied.suffix(count))
        let read = try messageBodies(db, ticketID: ticketID, ids: wanted.map { messages[$0].id }, viewer: viewer)
        var unloadedIDs: [MessageID] = [], unloadedLengths: [Int] = []
        unloadedIDs.reserveCapacity(bodied.count - wanted.count)
        unloadedLengths.reserveCapacity(bodied.count - wanted.count)
        // Only the few bodies asked for are looked up: a long history is mostly left unread.
        var isWanted = [Bool](repeating: false, count: messages.count)
        for index in wanted { isWanted[index] = true }
        for index in bodied {
            if isWanted[index], let body = read[messages[index].id] {
                messages[index].body = body
            } else {
                unloadedIDs.append(messages[index].id)
                unloadedLengths.append(lengths[index])
            }
        }
        return (messages, BodyLengths(ids: unloadedIDs, lengths: unloadedLengths))
    }

    /// Bodies of the given messages of one ticket, only those the viewer may see.
    static func messageBodies(_ db: Database, ticketID: TicketID, ids: [MessageID], viewer: Viewer) throws -> [MessageID: String] {
        guard !ids.isEmpty else { return [:] }
        let internalFilter = viewer.isStaff ? "" : " AND kind != 'internalNote'"
        var bodies: [MessageID: String] = [:]
        // SQLite takes at most 32,766 parameters; a screen asks for a few dozen.
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            // `+ticket_id`: the ids lead. Through the ticket's index SQLite read every row of a
            // 20,000-message ticket to find a screen's bodies (3 ms instead of 0.05).
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, body FROM message WHERE +ticket_id = ?\(internalFilter) AND id IN (\(marks))",
                arguments: StatementArguments([ticketID.databaseValue] + chunk.map(\.databaseValue)))
            while let row = try rows.next() { bodies[row[0]] = row[1] }
        }
        return bodies
    }
}
