import Foundation

/// The People screen (`PeopleState`): opened only by those who manage portal users; every
/// change is an effect the desk decides on, one at a time, and comes back as the listing read
/// again (`changed`) or the desk's refusal (`refused`).
extension DeskReducer {
    static func reducePeople(_ state: inout DeskState, _ action: PeopleAction) -> [DeskEffect] {
        switch action {
        case .opened:
            guard PeopleRules.mayOpen(state.viewer) else {
                state.message = StatusMessage(.error, PeopleNotices.refused)
                return []
            }
            state.overlay = nil
            state.message = nil
            state.people = PeopleState()
            return [.people(.load(organisation: nil))]

        case .loaded(let listing):
            guard var people = state.people else { return [] }
            // A listing of an organisation no longer shown is dropped.
            if let shown = people.organisation, shown != listing.organisation { return [] }
            take(listing, into: &people, select: people.selectedMember?.handle)
            state.people = people
            return []

        case .organisationStepped(let forward):
            guard var people = state.people, !people.isBusy, people.form == nil, people.audit == nil,
                  people.organisations.count > 1 else { return [] }
            let index = people.organisations.firstIndex { $0 == people.organisation } ?? 0
            let count = people.organisations.count
            let next = people.organisations[(index + (forward ? 1 : count - 1)) % count]
            people.organisation = next
            people.members = []
            people.selected = 0
            people.isLoading = true
            state.people = people
            return [.people(.load(organisation: next))]

        case .moved(let delta):
            guard var people = state.people, people.form == nil, !people.members.isEmpty else { return [] }
            people.selected = min(max(0, people.selected + delta), people.members.count - 1)
            state.people = people
            return []

        case .accessSwitched:
            guard var people = state.people, let target = actionable(people) else { return [] }
            let (member, organisation) = target
            people.isBusy = true
            state.people = people
            let access: CaseAccess = member.caseAccess == .own ? .organisation : .own
            return [.people(.setAccess(handle: member.handle, organisation: organisation, access))]

        case .removeRequested:
            guard let people = state.people, let target = actionable(people) else { return [] }
            let (member, organisation) = target
            state.overlay = .confirm(.removeMember(handle: member.handle, organisation: organisation))
            return []

        case .revokeRequested:
            guard let people = state.people, let target = actionable(people) else { return [] }
            let (member, organisation) = target
            guard keysManaged(member, &state) else { return [] }
            state.overlay = .confirm(.revokeKeys(handle: member.handle, organisation: organisation))
            return []

        case .addFormOpened:
            guard var people = state.people, !people.isBusy, people.form == nil, people.audit == nil,
                  people.organisation != nil else { return [] }
            people.form = PeopleForm(purpose: .newUser)
            state.people = people
            state.message = nil
            return []

        case .keyFormOpened:
            guard var people = state.people, let target = actionable(people) else { return [] }
            let member = target.0
            guard keysManaged(member, &state) else { return [] }
            people.form = PeopleForm(purpose: .key(handle: member.handle))
            state.people = people
            state.message = nil
            return []

        case .formInput(let edit):
            guard var form = state.people?.form, !form.isSaving, form.focused != .access else { return [] }
            let (text, cursor) = TextEditing.apply(edit, text: form.value(form.focused), cursor: form.cursor, singleLine: true)
            form.values[form.focused] = text
            form.cursor = cursor
            state.people?.form = form
            return []

        case .formFieldMoved(let forward):
            guard var form = state.people?.form, let index = form.fields.firstIndex(of: form.focused) else { return [] }
            let count = form.fields.count
            form.focused = form.fields[(index + (forward ? 1 : count - 1)) % count]
            form.cursor = form.value(form.focused).count
            state.people?.form = form
            return []

        case .formChoiceCycled:
            guard var form = state.people?.form, !form.isSaving, form.focused == .access else { return [] }
            form.values[.access] = (form.caseAccess == .own ? CaseAccess.organisation : .own).rawValue
            state.people?.form = form
            return []

        case .formSubmitted:
            return submitForm(&state)

        case .formCancelled:
            guard state.people?.form != nil else { return [] }
            state.people?.form = nil
            state.message = nil
            return []

        case .auditOpened:
            guard var people = state.people, people.form == nil, let organisation = people.organisation else { return [] }
            people.audit = []
            people.auditScroll = 0
            people.isLoading = true
            state.people = people
            return [.people(.loadAudit(organisation: organisation))]

        case .auditLoaded(let organisation, let entries):
            guard var people = state.people, people.audit != nil, people.organisation == organisation else { return [] }
            people.audit = entries
            people.isLoading = false
            state.people = people
            return []

        case .auditScrolled(let delta):
            guard var people = state.people, let audit = people.audit else { return [] }
            people.auditScroll = min(max(0, people.auditScroll + delta), max(0, audit.count - 1))
            state.people = people
            return []

        case .auditClosed:
            guard state.people?.audit != nil else { return [] }
            state.people?.audit = nil
            state.people?.auditScroll = 0
            state.people?.isLoading = false
            return []

        case .refreshed:
            guard var people = state.people, !people.isBusy else { return [] }
            people.isLoading = true
            state.people = people
            if let organisation = people.organisation, people.audit != nil { return [.people(.loadAudit(organisation: organisation))] }
            return [.people(.load(organisation: people.organisation))]

        case .changed(let listing, let info, let select):
            guard var people = state.people else { return [] }
            people.form = nil
            people.isBusy = false
            take(listing, into: &people, select: select ?? people.selectedMember?.handle)
            state.people = people
            state.message = StatusMessage(.info, info)
            return []

        case .refused(let phrase):
            guard state.people != nil else { return [] }
            state.people?.isBusy = false
            state.people?.isLoading = false
            state.people?.form?.isSaving = false
            state.message = StatusMessage(.error, phrase)
            return []

        case .closed:
            state.people = nil
            return []
        }
    }

    /// The highlighted member and the organisation shown, when a change may start now.
    private static func actionable(_ people: PeopleState) -> (PeopleState.Member, String)? {
        guard !people.isBusy, people.form == nil, people.audit == nil,
              let member = people.selectedMember, let organisation = people.organisation else { return nil }
        return (member, organisation)
    }

    /// Whether the member's keys may be authorised or revoked here: the listing counts keys
    /// only where there is a key file (over SSH) and the viewer manages that member's keys.
    /// Elsewhere the screen says where (no key file) or by whom (not the viewer's to manage)
    /// keys are managed instead of asking a question the desk would then refuse.
    private static func keysManaged(_ member: PeopleState.Member, _ state: inout DeskState) -> Bool {
        guard member.keyCount == nil else { return true }
        let counted = state.people?.keysCounted ?? false
        state.message = StatusMessage(.error, counted ? PeopleNotices.keysManagedBySupport(member.handle) : PeopleNotices.noKeyFile)
        return false
    }

    private static func take(_ listing: PeopleListing, into people: inout PeopleState, select handle: String?) {
        people.organisations = listing.organisations
        people.organisation = listing.organisation
        people.members = listing.members
        people.keysCounted = listing.keysCounted
        people.isLoading = false
        let index = handle.flatMap { handle in listing.members.firstIndex { $0.handle == handle } }
        people.selected = min(index ?? people.selected, max(0, listing.members.count - 1))
    }

    private static func submitForm(_ state: inout DeskState) -> [DeskEffect] {
        guard var people = state.people, var form = people.form, !form.isSaving, let organisation = people.organisation else { return [] }
        let effect: PeopleEffect
        switch form.purpose {
        case .newUser:
            let trimmed = { (field: PeopleForm.Field) in form.value(field).trimmingCharacters(in: .whitespaces) }
            guard !trimmed(.name).isEmpty, !trimmed(.email).isEmpty, !trimmed(.handle).isEmpty else {
                state.message = StatusMessage(.error, PeopleNotices.fillEveryField)
                return []
            }
            effect = .addUser(NewUser(handle: trimmed(.handle), name: trimmed(.name), email: trimmed(.email), role: .customer,
                                      organisationName: organisation, caseAccess: form.caseAccess))
        case .key(let handle):
            effect = .authorizeKey(handle: handle, organisation: organisation, key: form.value(.key))
        }
        form.isSaving = true
        people.form = form
        people.isBusy = true
        state.people = people
        state.message = nil
        return [.people(effect)]
    }

    /// A yes to removing a member or revoking their keys.
    static func confirmedPeopleChange(_ state: inout DeskState, _ effect: PeopleEffect) -> [DeskEffect] {
        guard state.people != nil else { return [] }
        state.people?.isBusy = true
        return [.people(effect)]
    }
}
