/// The client's People screen (#13): a customer administrator's (or a desk admin's) view of
/// an organisation's portal users, the client's face of `deskterm user accounts|add|access|
/// remove-account`, `ssh authorize|revoke` and `audit --org`. Every change goes through the
/// same desk calls, whose rules decide; the screen shows their refusals.
public struct PeopleState: Equatable, Sendable {
    /// One portal user of the organisation shown.
    public struct Member: Equatable, Sendable {
        public var handle: String
        public var name: String
        public var email: String
        public var caseAccess: CaseAccess
        public var isAdministrator: Bool
        /// Their SSH keys in the desk account's file; nil where the viewer may not manage their
        /// keys (someone with accounts elsewhere) or the client has no key file.
        public var keyCount: Int?

        public init(handle: String, name: String, email: String, caseAccess: CaseAccess, isAdministrator: Bool, keyCount: Int?) {
            self.handle = handle
            self.name = name
            self.email = email
            self.caseAccess = caseAccess
            self.isAdministrator = isAdministrator
            self.keyCount = keyCount
        }
    }

    /// The organisations the viewer manages, by name; empty until the desk has answered.
    public var organisations: [String] = []
    /// The organisation shown: nil until the desk has answered.
    public var organisation: String?
    public var members: [Member] = []
    /// Whether this session has the desk account's key file (over SSH): members' keys are
    /// counted then, for those whose keys the viewer manages.
    public var keysCounted = false
    public var selected = 0
    public var isLoading = true
    /// A change is on its way to the desk: another waits for it.
    public var isBusy = false
    /// The small form over the list: a new portal user, or a key to authorise.
    public var form: PeopleForm?
    /// The organisation's audit, newest first, while it is shown instead of the members.
    public var audit: [AuditEntry]?
    public var auditScroll = 0

    public init() {}

    public var selectedMember: Member? { members.indices.contains(selected) ? members[selected] : nil }
}

/// What the desk answers for the People screen: the organisations the viewer manages, the one
/// shown and its members.
public struct PeopleListing: Equatable, Sendable {
    public var organisations: [String]
    public var organisation: String
    public var members: [PeopleState.Member]
    /// Whether keys are counted at all (`PeopleState.keysCounted`).
    public var keysCounted: Bool

    public init(organisations: [String], organisation: String, members: [PeopleState.Member], keysCounted: Bool = false) {
        self.organisations = organisations
        self.organisation = organisation
        self.members = members
        self.keysCounted = keysCounted
    }
}

/// The People screen's form: a new portal user (name, e-mail, handle, access), or the public
/// key line to authorise for a member.
public struct PeopleForm: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case newUser
        case key(handle: String)
    }

    public enum Field: String, CaseIterable, Equatable, Sendable {
        case name, email, handle, access, key
    }

    public var purpose: Purpose
    public var values: [Field: String] = [:]
    public var focused: Field
    /// The caret in the focused text field, in graphemes.
    public var cursor = 0
    public var isSaving = false

    public init(purpose: Purpose) {
        self.purpose = purpose
        focused = purpose == .newUser ? .name : .key
        if purpose == .newUser { values[.access] = CaseAccess.own.rawValue }
    }

    /// The fields, in Tab order.
    public var fields: [Field] { purpose == .newUser ? [.name, .email, .handle, .access] : [.key] }

    public var caseAccess: CaseAccess { CaseAccess(rawValue: values[.access] ?? "") ?? .own }

    public func value(_ field: Field) -> String { values[field] ?? "" }
}

public enum PeopleAction: Equatable, Sendable {
    /// `U` or `:people`.
    case opened
    case loaded(PeopleListing)
    /// `]` / `[`: the next or previous organisation, for those who manage several.
    case organisationStepped(forward: Bool)
    case moved(by: Int)
    /// Space: the highlighted member's case access, own ↔ organisation.
    case accessSwitched
    /// `d`: remove the highlighted member's account, after a yes.
    case removeRequested
    /// `a`: the new portal user form.
    case addFormOpened
    /// `s`: the form for a key of the highlighted member.
    case keyFormOpened
    /// `X`: revoke the highlighted member's keys, after a yes.
    case revokeRequested
    case formInput(TextEdit)
    case formFieldMoved(forward: Bool)
    /// Left/Right or Space on the access choice.
    case formChoiceCycled
    /// Enter on the last field, or the composer's send key.
    case formSubmitted
    case formCancelled
    /// `l`: the organisation's audit.
    case auditOpened
    case auditLoaded(organisation: String, [AuditEntry])
    case auditScrolled(by: Int)
    case auditClosed
    /// `r`: read the members again.
    case refreshed
    /// The desk made the change: the listing read again, what was done, and who to highlight.
    case changed(PeopleListing, info: Phrase, select: String?)
    /// The desk refused (a rule, someone out of reach, a key): the sentence for the bottom line.
    case refused(Phrase)
    case closed
}

public enum PeopleEffect: Equatable, Sendable {
    /// The viewer's organisations and the members of `organisation` (nil: the first).
    case load(organisation: String?)
    case addUser(NewUser)
    case setAccess(handle: String, organisation: String, CaseAccess)
    case removeAccount(handle: String, organisation: String)
    case authorizeKey(handle: String, organisation: String, key: String)
    case revokeKeys(handle: String, organisation: String)
    case loadAudit(organisation: String)
}

/// Who sees the People screen: customer administrators and the desk's admins, as the desk
/// lets them manage portal users (`Permissions.canManageMembers`).
public enum PeopleRules {
    public static func mayOpen(_ viewer: Viewer) -> Bool {
        viewer.role == .admin || Permissions.isCustomerAdministrator(viewer)
    }

    /// How many audit entries the screen reads.
    public static let auditLimit = 200
}

public enum PeopleNotices {
    public static let refused = DeskError.notAllowedPhrase(Permissions.membersRefusal)
    public static func added(_ handle: String, _ organisation: String) -> Phrase {
        .model("{handle} added to {organisation}", ["handle": .text(handle), "organisation": .text(organisation)])
    }
    public static func accessChanged(_ handle: String, _ access: CaseAccess) -> Phrase {
        access == .organisation
            ? .model("{handle} now sees every case of the organisation", ["handle": .text(handle)])
            : .model("{handle} now sees only their own cases", ["handle": .text(handle)])
    }
    public static func removed(_ handle: String, _ organisation: String) -> Phrase {
        .model("{handle} removed from {organisation}", ["handle": .text(handle), "organisation": .text(organisation)])
    }
    public static func keyAuthorized(_ handle: String) -> Phrase {
        .model("SSH key authorised for {handle}", ["handle": .text(handle)])
    }
    public static func keysRevoked(_ handle: String, count: Int) -> Phrase {
        .model(one: "{count} SSH key of {handle} revoked", other: "{count} SSH keys of {handle} revoked", count: count,
               ["handle": .text(handle), "count": .quantity(Int64(count))])
    }
    public static let noKeyFile = Phrase.model("SSH keys are managed over SSH or with `deskterm ssh` on the desk's server")
    /// Over SSH, for a member whose keys the viewer does not manage (someone who also works
    /// for another organisation): who does, rather than where.
    public static func keysManagedBySupport(_ handle: String) -> Phrase {
        .model("{handle}'s SSH keys are managed by your support team", ["handle": .text(handle)])
    }
    public static let fillEveryField = Phrase.model("Give a name, an e-mail address and a handle")
    public static let pasteOneKey = Phrase.model("Paste one key at a time: the paste held several lines")
}
