/// What a user chose last in the client, kept in the desk so it follows them to every
/// terminal, SSH sessions included (which have no config file). Nil: never chosen.
public struct UserSettings: Equatable, Sendable {
    /// A case view's name (`mine`) or one of the user's saved views.
    public var view: String?
    public var sort: SortKey?
    public var oldestFirst: Bool?
    /// The interface language, once the client has more than one.
    public var language: String?
    /// Whether `y` may write the terminal's clipboard (OSC 52). The desk's SSH session reads
    /// no config file, so this is how an SSH user turns it on.
    public var copiesToClipboard: Bool?

    public init(view: String? = nil, sort: SortKey? = nil, oldestFirst: Bool? = nil, language: String? = nil, copiesToClipboard: Bool? = nil) {
        self.view = view
        self.sort = sort
        self.oldestFirst = oldestFirst
        self.language = language
        self.copiesToClipboard = copiesToClipboard
    }

    /// The names settings are stored and set under (`deskterm settings set view mine`).
    public enum Key: String, CaseIterable, Sendable {
        case view, sort, order, osc52
    }

    /// The order as `order` reads it.
    public static let orderSpellings = ["newest-first", "oldest-first"]

    /// Reads `deskterm settings set KEY VALUE`; the view is checked against the user's
    /// saved views by the caller.
    public mutating func set(_ key: Key, to value: String) throws(DeskError) {
        switch key {
        case .view:
            view = CaseView(lenient: value)?.rawValue ?? value
        case .sort:
            guard let sort = SortKey(lenient: value) else {
                throw .refused(.model("unknown sort '{value}' (sorts: {accepted})", ["value": .text(value), "accepted": .text(SortKey.spellings)]))
            }
            self.sort = sort
        case .order:
            switch value.lowercased() {
            case "newest-first", "newest", "natural": oldestFirst = false
            case "oldest-first", "oldest", "reversed": oldestFirst = true
            default: throw .refused(.model("unknown order '{value}' (orders: {accepted})", ["value": .text(value), "accepted": .text(Self.orderSpellings.joined(separator: ", "))]))
            }
        case .osc52:
            switch value.lowercased() {
            case "on", "yes", "true": copiesToClipboard = true
            case "off", "no", "false": copiesToClipboard = false
            default: throw .refused(.model("unknown osc52 value '{value}' (on, off)", ["value": .text(value)]))
            }
        }
    }
}
