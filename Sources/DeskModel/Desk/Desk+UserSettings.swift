import Foundation

/// Each user's settings. Only the user reads or writes their own.
extension Desk {
    public func userSettings(viewer: Viewer) throws(DeskError) -> UserSettings {
        UserSettings(storedValues: try read { rows in try rows.userSettingValues(userID: viewer.id) })
    }

    /// A side write of a reader: it never waits for another process and changes nothing
    /// other screens show, so it does not announce a change.
    public func saveUserSettings(_ settings: UserSettings, viewer: Viewer) throws(DeskError) {
        let values = settings.storedValues
        try write(StorageWrite(announcesChange: false, waitsForWriters: false)) { rows in
            for case let (name, value?) in values {
                try rows.setUserSetting(userID: viewer.id, name: name, value: value)
            }
        }
    }
}

extension UserSettings {
    /// The settings as stored: a text value per name, nil for what was never chosen.
    var storedValues: [(name: String, value: String?)] {
        [
            ("view", view), ("sort", sort?.rawValue), ("oldestFirst", oldestFirst.map { $0 ? "1" : "0" }),
            (Self.languageName, language), ("osc52", copiesToClipboard.map { $0 ? "1" : "0" }),
        ]
    }

    init(storedValues values: [String: String]) {
        self.init(
            view: values["view"], sort: values["sort"].flatMap(SortKey.init(rawValue:)),
            oldestFirst: values["oldestFirst"].map { $0 == "1" }, language: values[Self.languageName],
            copiesToClipboard: values["osc52"].map { $0 == "1" })
    }
}
