import Foundation

/// Bodies of a long history are read as the reader comes near them: the frame reports the
/// messages it would show without a body, the store is asked once for them, and they are put
/// into the open ticket's detail and thread where they belong.
extension DeskReducer {
    static func requestBodies(_ state: inout DeskState, _ ids: [MessageID]) -> [DeskEffect] {
        guard var open = state.openTicket else { return [] }
        let wanted = ids.filter { open.detail.unloadedBodies[$0] != nil && !open.requestedBodies.contains($0) }
        guard !wanted.isEmpty else { return [] }
        open.requestedBodies.formUnion(wanted)
        state.openTicket = open
        return [.loadMessageBodies(number: open.detail.ticket.number, ids: wanted)]
    }

    static func takeBodies(_ state: inout DeskState, number: Int64, _ bodies: [MessageID: String]) -> [DeskEffect] {
        // Bodies for a ticket closed or replaced in the meantime are dropped.
        guard var open = state.openTicket, open.detail.ticket.number == number else { return [] }
        let fresh = bodies.filter { open.detail.unloadedBodies[$0.key] != nil }
        open.requestedBodies.subtract(bodies.keys)
        guard !fresh.isEmpty else {
            state.openTicket = open
            return []
        }
        for id in fresh.keys { open.detail.unloadedBodies[id] = nil }
        for index in open.detail.messages.indices {
            if let body = fresh[open.detail.messages[index].id] { open.detail.messages[index].body = body }
        }
        for index in open.thread.indices {
            if let body = fresh[open.thread[index].message.id] { open.thread[index].message.body = body }
        }
        state.openTicket = open
        return []
    }
}
