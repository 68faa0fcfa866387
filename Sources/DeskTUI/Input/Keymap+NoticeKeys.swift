import DeskModel

extension Keymap {
    /// The keys the store's notices name ("press f to open a follow-up"), as this keymap binds
    /// them: the first key of each command, named as the bottom line's hints name it.
    public var noticeKeys: NoticeKeys {
        var keys = NoticeKeys()
        func first(_ command: Command, _ into: WritableKeyPath<NoticeKeys, String>) {
            if let key = self.keys(for: command).first { keys[keyPath: into] = key.name }
        }
        first(.back, \.back)
        first(.open, \.open)
        first(.statusMenu, \.statusMenu)
        first(.followUp, \.followUp)
        first(.watch, \.watch)
        first(.tagAll, \.tagAll)
        return keys
    }
}
