/// The People screen's effects, through the desk calls `deskterm user …`, `ssh authorize|revoke`
/// and `audit --org` make: their rules decide, and a refusal comes back as its sentence.
extension DeskRuntime {
    func performPeople(_ effect: PeopleEffect) throws(DeskError) -> [DeskAction] {
        switch effect {
        case .load(let organisation):
            do {
                return [.people(.loaded(try peopleListing(organisation)))]
            } catch let error where !error.meansDeskUnreachable {
                return [.people(.refused(error.phrase))]
            }
        case .loadAudit(let organisation):
            do {
                let entries = try store.organisationAudit(organisation: organisation, by: viewer, limit: PeopleRules.auditLimit)
                return [.people(.auditLoaded(organisation: organisation, entries))]
            } catch let error where !error.meansDeskUnreachable {
                return [.people(.refused(error.phrase))]
            }
        case .addUser(let user):
            let organisation = user.organisationName ?? ""
            return try peopleChange(organisation, select: user.handle) { () throws(DeskError) -> Phrase in
                _ = try store.addPortalUser(user, by: viewer)
                return PeopleNotices.added(user.handle, organisation)
            }
        case .setAccess(let handle, let organisation, let access):
            return try peopleChange(organisation, select: handle) { () throws(DeskError) -> Phrase in
                try store.setAccountAccess(handle: handle, organisation: organisation, caseAccess: access, by: viewer)
                return PeopleNotices.accessChanged(handle, access)
            }
        case .removeAccount(let handle, let organisation):
            return try peopleChange(organisation, select: nil) { () throws(DeskError) -> Phrase in
                try store.removeAccount(handle: handle, organisation: organisation, by: viewer)
                return PeopleNotices.removed(handle, organisation)
            }
        case .authorizeKey(let handle, let organisation, let key):
            return try peopleChange(organisation, select: handle) { () throws(DeskError) -> Phrase in
                guard let keysFile else { throw .refused(PeopleNotices.noKeyFile) }
                _ = try keysFile.authorize(keyText: key, handle: handle, store: store, by: viewer)
                return PeopleNotices.keyAuthorized(handle)
            }
        case .revokeKeys(let handle, let organisation):
            return try peopleChange(organisation, select: handle) { () throws(DeskError) -> Phrase in
                guard let keysFile else { throw .refused(PeopleNotices.noKeyFile) }
                let removed = try keysFile.revoke(handle: handle, store: store, by: viewer)
                return PeopleNotices.keysRevoked(handle, count: removed)
            }
        }
    }

    /// Runs one change; done, the members are read again. A refusal stays on the screen; a
    /// desk that cannot be reached fails as every write does.
    private func peopleChange(
        _ organisation: String, select: String?, _ change: () throws(DeskError) -> Phrase
    ) throws(DeskError) -> [DeskAction] {
        let info: Phrase
        do {
            info = try change()
        } catch let error where !error.meansDeskUnreachable {
            return [.people(.refused(error.phrase))]
        }
        return [.people(.changed(try peopleListing(organisation), info: info, select: select))]
    }

    /// The organisations the viewer manages (a desk admin every one, a customer administrator
    /// those they administer) and the members of the one asked for, else the first.
    func peopleListing(_ wanted: String?) throws(DeskError) -> PeopleListing {
        let names = viewer.role == .admin
            ? try store.organisations().map(\.name)
            : viewer.accounts.filter(\.isAdministrator).map(\.organisation.name)
        guard let organisation = names.first(where: { $0 == wanted }) ?? names.first else {
            throw .forbidden(Permissions.membersRefusal)
        }
        // Key counts only for those whose keys the viewer manages: the desk's rule says who.
        let counts = try? keysFile?.keyCounts()
        let members = try store.members(organisation: organisation, by: viewer).map { user, account in
            let mayManageKeys = counts != nil && (try? store.checkKeyManagement(handle: user.handle, by: viewer)) != nil
            return PeopleState.Member(
                handle: user.handle, name: user.name, email: user.email, caseAccess: account.caseAccess,
                isAdministrator: account.isAdministrator, keyCount: mayManageKeys ? counts?[user.handle] ?? 0 : nil)
        }
        return PeopleListing(organisations: names, organisation: organisation, members: members, keysCounted: counts != nil)
    }
}
