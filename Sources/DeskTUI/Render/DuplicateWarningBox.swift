import DeskModel

/// The possible-duplicate warning: which active ticket the new one looks like, and the keys
/// of the three choices as the keymap binds them.
enum DuplicateWarningBox {
    static func draw(number: Int64, subject: String, into grid: inout Grid, keymap: Keymap) {
        let existing = UIStrings.duplicateExisting(number, subject: TextSafety.sanitizedLine(subject))
        ChoiceBox.draw(
            title: UIStrings.duplicateTitle, paragraphs: [UIStrings.duplicateIntro, existing],
            choices: ChoiceBox.choices(.duplicateWarning, keymap: keymap) { UIStrings.duplicateChoice($0, number: number) },
            into: &grid)
    }
}
