import DeskModel
import Foundation

/// Call-back requests as the command line prints them: a table, one request as text, JSON
/// with stable untranslated keys and values.
enum CallbackOutput {
    struct JSONRequest: Encodable {
        var ticket: Int64
        var subject: String
        var requester: String
        var phone: String
        var window: String
        var timeZone: String
        var note: String
        var state: String
        var taker: String?
        var outcome: String?
        var createdAt: Date
        var updatedAt: Date

        init(_ request: CallbackRequest) {
            ticket = request.ticketNumber
            subject = request.ticketSubject
            requester = request.requesterHandle
            phone = request.phone
            window = request.window.span
            timeZone = request.window.timeZone
            note = request.note
            state = request.state.rawValue
            taker = request.takerHandle
            outcome = request.outcome?.rawValue
            createdAt = request.createdAt
            updatedAt = request.updatedAt
        }
    }

    static func table(_ requests: [CallbackRequest], language: Language, width: Int) -> String {
        func say(_ phrase: Phrase) -> String { phrase.text(in: language) }
        let columns: [TextTable.Column] = [
            .init(title: "#", priority: 0, minWidth: 2, alignRight: true),
            .init(title: say(.cli("STATE", context: "column title")), priority: 1, minWidth: 5),
            .init(title: say(.cli("WINDOW", context: "column title")), priority: 1, minWidth: 11),
            .init(title: say(.cli("ZONE", context: "column title")), priority: 2, minWidth: 4),
            .init(title: say(.cli("PHONE", context: "column title")), priority: 1, minWidth: 6),
            .init(title: say(.cli("REQUESTER", context: "column title")), priority: 3, minWidth: 6),
            .init(title: say(.cli("TAKEN BY", context: "column title")), priority: 4, minWidth: 6),
            .init(title: say(.cli("SUBJECT", context: "column title")), priority: 5, minWidth: 10, flexible: true),
        ]
        let rows = requests.map { request in
            [
                "\(request.ticketNumber)", say(request.state.labelPhrase), request.window.span, request.window.timeZone,
                request.phone, request.requesterHandle, request.takerHandle ?? "-", request.ticketSubject,
            ]
        }
        return TextTable(columns: columns, rows: rows).render(width: width)
    }

    static func text(of request: CallbackRequest, language: Language) -> String {
        func say(_ phrase: Phrase) -> String { phrase.text(in: language) }
        let clean = TextSafety.sanitizedLine
        var lines = [
            "#\(request.ticketNumber)  \(clean(request.ticketSubject))",
            say(.cli("state: {state}", ["state": .phrase(request.state.labelPhrase)])),
            say(.cli("call {phone}, {window} ({zone})", [
                "phone": .text(clean(request.phone)), "window": .text(request.window.span), "zone": .text(request.window.timeZone),
            ])),
            say(.cli("requested by {requester}", ["requester": .text(clean(request.requesterHandle))])),
        ]
        if let taker = request.takerHandle { lines.append(say(.cli("taken by {agent}", ["agent": .text(clean(taker))]))) }
        if let outcome = request.outcome { lines.append(say(.cli("outcome: {outcome}", ["outcome": .phrase(outcome.labelPhrase)]))) }
        if !request.note.isEmpty { lines.append(say(.cli("note: {note}", ["note": .text(clean(request.note))]))) }
        return lines.joined(separator: "\n")
    }
}
