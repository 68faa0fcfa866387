import Foundation

/// A call-back request belongs to the customer who made it: a colleague who sees the ticket
/// reads neither its events nor its window, and a customer who lost sight of a ticket no
/// longer finds their request on it.
enum CallbackPrivacy {
    /// The history without the call-back events of other customers' requests (staff read
    /// all). The events of one request follow its `callbackRequested`, whose author asked.
    static func eventsForReader(_ messages: [Message], viewer: Viewer) -> [Message] {
        guard !viewer.isStaff else { return messages }
        var requester: UserID?
        return messages.filter { message in
            switch message.event {
            case .callbackRequested?:
                requester = message.authorID
                return requester == viewer.id
            case .callbackTaken?, .callbackOutcome?, .callbackClosedWithTicket?:
                return requester == viewer.id
            default:
                return true
            }
        }
    }

    /// Asking on a ticket where a colleague's request is open: says nothing of theirs.
    static func othersRequestRefusal(number: Int64) -> DeskError {
        .refused(.model("A call-back cannot be requested on ticket #{number} at the moment", ["number": .number(number)]))
    }
}
