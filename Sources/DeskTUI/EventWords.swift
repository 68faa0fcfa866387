import DeskModel

/// History events in the reader's words and language (`SystemEvent.phrase(for:)` in
/// DeskModel chooses them). Events stored before they were typed keep their stored text.
extension UIStrings {
    public static func eventText(_ message: Message, for role: Role, in language: Language = .english) -> String {
        guard let event = message.event else { return message.body }
        return event.phrase(for: role).text(in: language)
    }
}
