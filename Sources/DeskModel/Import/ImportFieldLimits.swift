extension ImportSummary {
    /// `text` as the desk can store it: an over-long imported value is shortened to its
    /// field's limit with a warning, so one long subject or name cannot fail a whole import.
    mutating func fitted(_ text: String, as field: TextField, in message: ImportMessage) -> String {
        guard let clipped = FieldLimits.clipped(text, as: field) else { return text }
        warnings.append(ImportProblem(
            file: message.file, offset: message.offset,
            reason: "the \(field.label) is \(FieldLimits.grouped(FieldLimits.length(text))) characters long; "
                + "shortened to the limit of \(FieldLimits.grouped(FieldLimits.limit(for: field)))"))
        return clipped
    }
}
