import Foundation

/// Each user's saved views. Names are unique per user ignoring ASCII case, and every lookup
/// by name ignores it too.
public protocol SavedViewRows {
    /// How many views the user keeps under names other than `name`.
    func savedViewCount(userID: UserID, excludingName name: String) throws -> Int
    /// Stores the view. One of the same name takes the new spelling, view and filter and keeps
    /// its place; a new one goes after the user's others.
    func upsertSavedView(_ saved: SavedView, userID: UserID) throws
    /// The user's views in the order they were first saved.
    func savedViews(userID: UserID) throws -> [SavedView]
    func savedView(named name: String, userID: UserID) throws -> SavedView?
    /// Deletes the view; false when the user had none of that name.
    func deleteSavedView(named name: String, userID: UserID) throws -> Bool
}
