import Foundation

/// Which message bodies a ticket's detail carries. The outline of the history (ids, parents,
/// authors, times, kinds, events) is always whole, so the thread tree is exact; the bodies of a
/// long history are read as the reader comes near them (`DeskStore.messageBodies`), so opening
/// a ticket costs what its screen shows, not its length.
public enum HistoryBodies: Equatable, Sendable {
    /// Every body (`deskterm show`, exports).
    case all
    /// The bodies of the first and of the last `count` messages (events aside) in time order (a short history
    /// whole; the start the pane opens on and the end a reply answers); the others come empty,
    /// listed in `TicketDetail.unloadedBodies` with their length.
    case nearEnds(count: Int)

    /// What the client reads when it opens a ticket.
    public static let client = HistoryBodies.nearEnds(count: 32)
}
