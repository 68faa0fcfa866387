import Foundation

/// The demo's ticket due within the hour (its newest, a critical one nobody has answered)
/// waits unassigned, so every agent's Active view (the view the client starts in) shows a
/// due-soon mark beside the breached ones on first start. Generated as a follow-up it would
/// go to whoever handled the closed ticket, out of the other agents' Active view.
enum DemoDueSoon {
    static func leaveUnassigned(number: Int64, store: any DeskStore, clock: SteppedClock, by agent: Viewer) throws(DeskError) {
        guard try store.ticket(number: number, viewer: agent).assigneeID != nil else { return }
        // Just after the arrival: the agent's step is older than everything the newcomer reads.
        clock.set(clock.now.addingTimeInterval(60))
        _ = try store.assign(number: number, to: nil, by: agent)
    }
}
