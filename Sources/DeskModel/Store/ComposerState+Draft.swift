extension ComposerState {
    /// Nothing written: no text, and the subject blank or as the composer filled it in. Such a
    /// draft is not worth keeping (closing deletes it, discarding asks nothing).
    public var isUntouched: Bool {
        let subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        return body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && (subject.isEmpty || self.subject == prefilledSubject)
    }

    /// The handles in the Watchers field, which takes them separated by commas or spaces.
    public var watcherHandles: [String] {
        Self.handles(in: fields[ComposerField.watchers.rawValue] ?? "")
    }

    static func handles(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }
}
