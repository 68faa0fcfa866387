import Foundation

/// The desk's mail settings, stored beside its other settings (`desk_setting`, keys `mail.*`)
/// and changed by admins (`deskterm mail settings set KEY VALUE`).
public struct MailSettings: Equatable, Sendable {
    /// What happens to mail from an address no user has.
    public enum UnknownSenders: String, Equatable, Sendable, CaseIterable {
        /// A customer is created in the organisation whose mail domain matches; else refused.
        case customer
        /// Refused (recorded, and the sender told politely by mail-out).
        case refuse
    }

    /// The desk's address (`support@desk.test`): its local part and domain make plus-addresses.
    public var address: String
    /// `Desk` gives subjects tagged `[Desk #42]`.
    public var subjectTag: String
    public var unknownSenders: UnknownSenders
    /// The largest attachment taken from a mail; nil: the desk's attachment limit.
    public var attachmentLimit: Int64?
    /// The command mail-out delivers through.
    public var sendmail: String
    /// The language of mail to users who chose none (mail out; English when nil).
    public var language: Language?
    /// Seconds between two acknowledgements to the same sender (mail out).
    public var acknowledgementInterval: Int

    public static let addressKey = "mail.address"
    public static let subjectTagKey = "mail.subject_tag"
    public static let unknownSendersKey = "mail.unknown_senders"
    public static let attachmentLimitKey = "mail.attachment_limit"
    public static let sendmailKey = "mail.sendmail"
    /// 32 random bytes in hex, created on first use and never shown.
    public static let secretKey = "mail.secret"

    /// The keys an admin may set, in the order they are shown.
    public static let settableKeys = [
        addressKey, subjectTagKey, unknownSendersKey, attachmentLimitKey, sendmailKey, MailOutSettingKey.language,
        MailOutSettingKey.acknowledgementInterval,
    ]

    public init(
        address: String = "", subjectTag: String = "Desk", unknownSenders: UnknownSenders = .customer,
        attachmentLimit: Int64? = nil, sendmail: String = "sendmail -t -oi", language: Language? = nil,
        acknowledgementInterval: Int = 600
    ) {
        self.address = address
        self.subjectTag = subjectTag
        self.unknownSenders = unknownSenders
        self.attachmentLimit = attachmentLimit
        self.sendmail = sendmail
        self.language = language
        self.acknowledgementInterval = acknowledgementInterval
    }

    /// The settings from the stored `mail.*` values; a missing or unreadable one is its default.
    public init(values: [String: String]) {
        let defaults = MailSettings()
        self.init(
            address: values[Self.addressKey] ?? defaults.address,
            subjectTag: values[Self.subjectTagKey].flatMap { $0.isEmpty ? nil : $0 } ?? defaults.subjectTag,
            unknownSenders: values[Self.unknownSendersKey].flatMap(UnknownSenders.init(rawValue:)) ?? defaults.unknownSenders,
            attachmentLimit: values[Self.attachmentLimitKey].flatMap(Int64.init),
            sendmail: values[Self.sendmailKey].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultSendmail(address: values[Self.addressKey] ?? ""),
            language: values[MailOutSettingKey.language].flatMap(Language.init(rawValue:)),
            acknowledgementInterval: values[MailOutSettingKey.acknowledgementInterval].flatMap(Int.init) ?? defaults.acknowledgementInterval)
    }

    /// Each settable key and its value as shown (`attachmentLimit` nil shows as `desk`).
    public var shown: [(key: String, value: String)] {
        [
            (Self.addressKey, address), (Self.subjectTagKey, subjectTag), (Self.unknownSendersKey, unknownSenders.rawValue),
            (Self.attachmentLimitKey, attachmentLimit.map(String.init) ?? "desk"), (Self.sendmailKey, sendmail),
            (MailOutSettingKey.language, language?.rawValue ?? "en"),
            (MailOutSettingKey.acknowledgementInterval, String(acknowledgementInterval)),
        ]
    }

    /// `value` checked for `key`, as it is stored; refused with the reason otherwise.
    public static func checked(key: String, value raw: String) throws(DeskError) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if TextSafety.containsControlCharacters(value) { throw .refused(.model("{key} cannot hold control characters", ["key": .text(key)])) }
        switch key {
        case addressKey:
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !value.contains(" "), !parts[0].contains("+") else {
                throw .refused(.model("{key} must be an address like support@example.com (without +)", ["key": .text(addressKey)]))
            }
            return value
        case subjectTagKey:
            guard !value.isEmpty, !value.contains("["), !value.contains("]"), !value.contains("#") else {
                throw .refused(.model("{key} must be a word such as Desk (no brackets, no #)", ["key": .text(subjectTagKey)]))
            }
            return value
        case unknownSendersKey:
            guard UnknownSenders(rawValue: value) != nil else {
                throw .refused(.model("{key} is customer or refuse", ["key": .text(unknownSendersKey)]))
            }
            return value
        case attachmentLimitKey:
            guard let bytes = Int64(value), bytes >= 0 else { throw .refused(.model("{key} is a number of bytes", ["key": .text(attachmentLimitKey)])) }
            return String(bytes)
        case sendmailKey:
            guard !value.isEmpty else { throw .refused(.model("{key} needs a command", ["key": .text(sendmailKey)])) }
            return value
        case MailOutSettingKey.language:
            guard let language = Language(tag: value) else { throw .refused(.model("{key} is a language tag ({tags})", ["key": .text(key), "tags": .text(Language.tags)])) }
            return language.rawValue
        case MailOutSettingKey.acknowledgementInterval:
            guard let seconds = Int(value), seconds >= 0 else { throw .refused(.model("{key} is a number of seconds (0: no limit)", ["key": .text(key)])) }
            return String(seconds)
        case secretKey:
            throw .forbidden(.model("{key} is made by the desk and never set or shown", context: "not allowed", ["key": .text(secretKey)]))
        default:
            throw .refused(.model("Unknown mail setting {key}; settings are {settings}",
                                  ["key": .text(TextSafety.sanitizedLine(key)), "settings": .text(settableKeys.joined(separator: ", "))]))
        }
    }
}
