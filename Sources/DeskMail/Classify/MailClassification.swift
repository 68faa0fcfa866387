/// Whether a person wrote a mail or a machine did, and which sign said so. Automatic mail is
/// recorded but never answered (no acknowledgement, no refusal): answering an auto-reply or a
/// list starts a loop.
public enum MailClassification: Equatable, Hashable, Sendable {
    case person
    /// `Auto-Submitted` other than `no` (`auto-replied`, `auto-generated`...), lower-cased.
    case autoSubmitted(String)
    /// `Precedence: bulk`, `junk` or `list`.
    case precedence(String)
    /// Our own `X-Loop` header: mail the desk sent came back.
    case loop
    /// `Return-Path: <>`: a delivery notice or other mail that must not be answered.
    case emptyReturnPath
    /// From mailer-daemon or postmaster, and not recognised as a bounce.
    case mailSystem
    /// A delivery failure report; the Message-ID of the mail that bounced, when it names one.
    case bounce(originalMessageID: String?)

    public var isAutomatic: Bool { self != .person }

    /// How it is stored (`mail_received.classification`).
    public var storedValue: String {
        switch self {
        case .person: "person"
        case .autoSubmitted(let value): "auto-submitted:" + value
        case .precedence(let value): "precedence:" + value
        case .loop: "loop"
        case .emptyReturnPath: "empty-return-path"
        case .mailSystem: "mail-system"
        case .bounce(let id): "bounce" + (id.map { ":" + $0 } ?? "")
        }
    }

    public init(storedValue: String) {
        let parts = storedValue.split(separator: ":", maxSplits: 1).map(String.init)
        let detail = parts.count > 1 ? parts[1] : nil
        switch parts.first ?? "" {
        case "auto-submitted": self = .autoSubmitted(detail ?? "")
        case "precedence": self = .precedence(detail ?? "")
        case "loop": self = .loop
        case "empty-return-path": self = .emptyReturnPath
        case "mail-system": self = .mailSystem
        case "bounce": self = .bounce(originalMessageID: detail)
        default: self = .person
        }
    }
}
