extension ImportSummary {
    /// `text` as the desk can store it: an over-long imported value is shortened to its
    /// field's limit with a warning, so one long subject or name cannot fail a whole import.
    /// NUL characters are removed with a warning: neither backend stores them.
    mutating func fitted(_ original: String, as field: TextField, in message: ImportMessage) -> String {
        let (text, removed) = FieldLimits.withoutNul(original)
        if removed > 0 {
            warnings.append(ImportProblem(
                file: message.file, offset: message.offset,
                reason: "the \(field.label) held \(FieldLimits.grouped(removed)) NUL character\(removed == 1 ? "" : "s"); removed"))
        }
        guard let clipped = FieldLimits.clipped(text, as: field) else { return text }
        warnings.append(ImportProblem(
            file: message.file, offset: message.offset,
            reason: "the \(field.label) is \(FieldLimits.grouped(FieldLimits.length(text))) characters long; "
                + "shortened to the limit of \(FieldLimits.grouped(FieldLimits.limit(for: field)))"))
        return clipped
    }
}
