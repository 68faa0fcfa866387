import DeskModel

/// The possible-duplicate warning: which active ticket the new one looks like, and the keys
/// of the three choices as the keymap binds them.
enum DuplicateWarningBox {
    static func draw(number: Int64, subject: String, into grid: inout Grid, keymap: Keymap, language: Language) {
        let existing = UIStrings.duplicateExisting(number, subject: TextSafety.sanitizedLine(subject), language)
        ChoiceBox.draw(
            title: UIStrings.duplicateTitle(language), paragraphs: [UIStrings.duplicateIntro(language), existing],
            choices: ChoiceBox.choices(.duplicateWarning, keymap: keymap) { UIStrings.duplicateChoice($0, number: number, language) },
            into: &grid)
    }
}
