/// Switching the language the screens speak (`:language fr`): the state only records the
/// choice, every screen renders in it from the next frame, and it is kept in the desk as the
/// user's language so the next session (an SSH one included) opens in it.
extension DeskReducer {
    static func chooseLanguage(_ state: inout DeskState, _ language: Language) -> [DeskEffect] {
        state.language = language
        // The language's own name confirms the switch in words the reader now reads.
        state.message = StatusMessage(.info, .verbatim(language.nativeName))
        return [.saveUserSettings(UserSettings(language: language.rawValue))]
    }
}
