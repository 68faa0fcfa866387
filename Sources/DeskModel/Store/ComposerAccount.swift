/// The new-ticket form's Account field, for a customer with several accounts: which
/// organisation the ticket is filed under, and so whose plan decides the kinds offered.
public enum ComposerAccount {
    static let field = ComposerField.account.rawValue

    /// Offers the accounts when there are several, the primary one chosen first (a draft's
    /// choice, carried in its fields, is kept when it is still one of them).
    static func prepare(_ composer: inout ComposerState, viewer: Viewer) {
        let names = viewer.accounts.map(\.organisation.name)
        guard names.count > 1 else {
            composer.accountNames = []
            return
        }
        composer.accountNames = names
        if composer.fields[field].map(names.contains) != true { composer.fields[field] = names[0] }
    }

    static func cycle(_ composer: inout ComposerState, forward: Bool) {
        let names = composer.accountNames
        guard !names.isEmpty else { return }
        let index = composer.fields[field].flatMap { names.firstIndex(of: $0) } ?? 0
        composer.fields[field] = names[(index + (forward ? 1 : names.count - 1)) % names.count]
    }

    /// The account named in the form, or nil: the requester's primary one.
    public static func chosen(_ composer: ComposerState) -> String? {
        guard composer.accountNames.count > 1 else { return nil }
        return composer.fields[field]
    }

    /// The plan of the account chosen (the viewer's own when there is no choice).
    public static func plan(of composer: ComposerState, viewer: Viewer) -> Plan? {
        chosen(composer).flatMap { viewer.account(named: $0) }?.organisation.plan ?? viewer.plan
    }
}
