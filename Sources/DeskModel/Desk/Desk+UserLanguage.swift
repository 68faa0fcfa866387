import Foundation

/// The language each user reads deskterm in, kept with their settings (`UserSettings.language`)
/// so that it follows them to every terminal and to SSH sessions, where sshd passes no locale.
/// Admins set it (`user add|set --language`); a user switches their own in the client.
extension Desk {
    public func setUserLanguage(_ language: Language?, handle: String) throws(DeskError) {
        try write { rows in
            guard let user = try rows.user(handle: handle) else { throw DeskError.userNotFound(handle: handle) }
            if let language {
                try rows.setUserSetting(userID: user.id, name: UserSettings.languageName, value: language.rawValue)
            } else {
                try rows.removeUserSetting(userID: user.id, name: UserSettings.languageName)
            }
        }
    }

    public func userLanguages() throws(DeskError) -> [UserID: Language] {
        try read { rows in try rows.userSettingValues(name: UserSettings.languageName) }
            .compactMapValues { Language(rawValue: $0) }
    }
}

extension UserSettings {
    /// The name the language is stored under (`Desk+UserSettings`).
    static let languageName = "language"
}
