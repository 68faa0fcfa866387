import Foundation

/// Each user's settings, as named text values (`Desk+UserSettings` says what they mean).
public protocol UserSettingRows {
    /// Every value the user has stored, by name.
    func userSettingValues(userID: UserID) throws -> [String: String]
    /// Stores the value, replacing the one of the same name.
    func setUserSetting(userID: UserID, name: String, value: String) throws
    /// Forgets the value, so the user is back to the default.
    func removeUserSetting(userID: UserID, name: String) throws
    /// One setting of every user who stored it.
    func userSettingValues(name: String) throws -> [UserID: String]
}
