import Foundation

/// The tickets each user opened, latest first (the Recent view).
public protocol RecentRows {
    /// Records the view as the user's latest, replacing an earlier view of the same ticket
    /// (views within the same second keep the order they were recorded in).
    func recordRecentView(userID: UserID, ticketID: TicketID, at time: Date) throws
    /// Forgets all but the user's `limit` latest views.
    func trimRecentViews(userID: UserID, keeping limit: Int) throws
}
