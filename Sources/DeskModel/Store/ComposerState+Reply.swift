/// What a reply answers and what it does, kept in the draft's fields so both survive a
/// restart like the text does.
extension ComposerState {
    static let inReplyToField = "inReplyTo"
    static let intentField = "intent"

    /// The message this reply or note answers (nil: the ticket as a whole).
    public var inReplyToID: MessageID? {
        get { fields[Self.inReplyToField].flatMap { MessageID($0) } }
        set { fields[Self.inReplyToField] = newValue.map(String.init) }
    }

    /// The reply's intent as chosen in the composer; only an agent's public reply has one.
    public var replyIntent: ReplyIntent {
        get { fields[Self.intentField].flatMap(ReplyIntent.init(rawValue:)) ?? .plain }
        set { fields[Self.intentField] = newValue == .plain ? nil : newValue.rawValue }
    }

    /// Whether this composer offers the intent choice to this viewer.
    public func offersIntent(to viewer: Viewer) -> Bool { kind == .reply && viewer.isStaff }

    /// The intent sent: a customer's reply, or a note, is always plain whatever a field says.
    func intentSent(by viewer: Viewer) -> ReplyIntent { offersIntent(to: viewer) ? replyIntent : .plain }
}

extension ReplyIntent {
    /// The order Ctrl-T cycles through.
    public static let cycle: [ReplyIntent] = [.plain, .askCustomer, .proposeSolution]
}
