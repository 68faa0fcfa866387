import Foundation

/// Each user's settings, as named text values (`Desk+UserSettings` says what they mean).
public protocol UserSettingRows {
    /// Every value the user has stored, by name.
    func userSettingValues(userID: UserID) throws -> [String: String]
    /// Stores the value, replacing the one of the same name.
    func setUserSetting(userID: UserID, name: String, value: String) throws
}
