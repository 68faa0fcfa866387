/// The edit form of the open ticket (`TicketEditForm`): opened only where `EditRules` let the
/// viewer edit (a closed ticket answers with the model's refusal), typed in like the composer,
/// saved through the desk's `editTicket`, whose rules decide.
extension DeskReducer {
    static func reduceTicketEdit(_ state: inout DeskState, _ action: TicketEditAction) -> [DeskEffect] {
        switch action {
        case .opened:
            guard let ticket = state.openTicket?.detail.ticket else {
                state.message = StatusMessage(.info, Notices.openATicketToEdit)
                return []
            }
            if let refusal = EditRules.refusal(state.viewer, ticket: ticket, fields: []) {
                state.message = StatusMessage(.error, DeskError.editRefused(number: ticket.number, reason: refusal).phrase)
                return []
            }
            state.ticketEdit = TicketEditForm(ticket: ticket, viewer: state.viewer)
            state.message = nil
            return []

        case .fieldMoved(let forward):
            guard var form = state.ticketEdit, let index = form.fields.firstIndex(of: form.focused) else { return [] }
            let next = (index + (forward ? 1 : form.fields.count - 1)) % form.fields.count
            form.focused = form.fields[next]
            form.cursor = form.values[form.focused]?.count ?? 0
            state.ticketEdit = form
            return []

        case .input(let edit):
            guard var form = state.ticketEdit, !form.isSaving, TicketEditForm.choices(of: form.focused) == nil else { return [] }
            let (text, cursor) = TextEditing.apply(
                edit, text: form.values[form.focused] ?? "", cursor: form.cursor, singleLine: form.focused != .description)
            form.values[form.focused] = text
            form.cursor = cursor
            state.ticketEdit = form
            return []

        case .choiceCycled(let forward):
            guard var form = state.ticketEdit, !form.isSaving, let choices = TicketEditForm.choices(of: form.focused) else { return [] }
            let index = choices.firstIndex(of: form.values[form.focused] ?? "") ?? 0
            form.values[form.focused] = choices[(index + (forward ? 1 : choices.count - 1)) % choices.count]
            state.ticketEdit = form
            return []

        case .submitted:
            guard var form = state.ticketEdit, !form.isSaving else { return [] }
            let edit = form.edit
            guard !edit.isEmpty else {
                state.message = StatusMessage(.info, DeskError.editRefused(number: form.number, reason: .nothingChanged).phrase)
                return []
            }
            form.isSaving = true
            state.ticketEdit = form
            state.message = nil
            return [.editTicket(number: form.number, edit)]

        case .cancelled:
            state.ticketEdit = nil
            state.message = nil
            return []

        case .saved(let ticket):
            state.ticketEdit = nil
            return reduce(into: &state, .ticketChanged(ticket, info: Notices.edited(ticket.number)))

        case .refused(let phrase):
            state.ticketEdit?.isSaving = false
            state.message = StatusMessage(.error, phrase)
            return []
        }
    }
}

extension Notices {
    public static func edited(_ number: Int64) -> Phrase { .model("#{number} edited", ["number": .number(number)]) }
    public static let openATicketToEdit = Phrase.model("Open a ticket to edit it")
}

extension DeskRuntime {
    /// The edit form's save: a refusal of the rules or limits stays in the form; a desk that
    /// cannot be reached fails as every write does.
    func savedEdit(number: Int64, _ edit: TicketEdit) throws(DeskError) -> [DeskAction] {
        do {
            return [.ticketEdit(.saved(try store.editTicket(number: number, edit, by: viewer)))]
        } catch let error where !error.meansDeskUnreachable {
            return [.ticketEdit(.refused(error.phrase))]
        }
    }
}
