/// The `:` command line: a one-line prompt on the bottom line, Tab completion that cycles,
/// the session's history on Up/Down; Enter runs the line through `CommandLineTable`, whose
/// commands send the same actions as the keys.
extension DeskReducer {
    static func reduceCommandLine(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .commandLineStarted(let prefill):
            state.commandLine = CommandLineState(text: prefill, searchQuery: state.search?.query)
            return state.viewer.isStaff ? [.loadAgentHandles] : []
        case .agentHandlesLoaded(let handles):
            state.commandLine?.agentHandles = handles
            return []
        case .commandLineInput(let edit):
            guard var line = state.commandLine else { return [] }
            line.text = TextEditing.apply(edit, text: line.text, cursor: line.text.count, singleLine: true).text
            line.completion = nil
            line.historyIndex = nil
            state.commandLine = line
            return []
        case .commandLineCompleted(let forward):
            completeCommandLine(&state, forward: forward)
            return []
        case .commandLineRecalled(let delta):
            recallCommandLine(&state, by: delta)
            return []
        case .commandLineCancelled:
            state.commandLine = nil
            return []
        case .commandLineSubmitted:
            return submitCommandLine(&state)
        default:
            return []
        }
    }

    static func submitCommandLine(_ state: inout DeskState) -> [DeskEffect] {
        guard let line = state.commandLine else { return [] }
        let text = line.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty && state.commandHistory.last != text {
            state.commandHistory.append(text)
            if state.commandHistory.count > commandHistoryLimit { state.commandHistory.removeFirst() }
        }
        // The command sees the line's context (the search it was opened from), then the line goes.
        let outcome = CommandLineTable.run(text, state: state)
        state.commandLine = nil
        switch outcome {
        case .refused(let reason):
            state.message = StatusMessage(.error, reason)
            return []
        case .actions(let actions):
            return actions.flatMap { reduce(into: &state, $0) }
        }
    }

    /// Commands kept for Up/Down in one session.
    static let commandHistoryLimit = 100

    static func completeCommandLine(_ state: inout DeskState, forward: Bool) {
        guard var line = state.commandLine else { return }
        if var completion = line.completion, completion.shownText == line.text, completion.candidates.count > 1 {
            // Tab again: the next candidate (Shift-Tab: the previous).
            let count = completion.candidates.count
            let next = completion.index.map { ($0 + (forward ? 1 : count - 1)) % count } ?? (forward ? 0 : count - 1)
            completion.index = next
            line.text = completion.base + completion.candidates[next]
            completion.shownText = line.text
            line.completion = completion
            state.commandLine = line
            return
        }
        let found = CommandCandidates.complete(line.text, state: state, agentHandles: line.agentHandles)
        switch found.candidates.count {
        case 0:
            line.completion = nil
        case 1:
            let command = found.isCommandName ? CommandLineTable.commands.first { $0.name == found.candidates[0] } : nil
            // A command that takes an argument gets its blank, ready for the next Tab.
            let blank = command.map { $0.argument != .none } ?? false ? " " : ""
            line.text = found.base + found.candidates[0] + blank
            line.completion = nil
        default:
            let common = CommandCandidates.commonPrefix(found.candidates)
            let grown = common.count > found.word.count
            line.text = found.base + (grown ? common : found.candidates[0])
            line.completion = CommandCompletion(
                base: found.base, candidates: found.candidates, index: grown ? nil : 0, shownText: line.text)
        }
        line.historyIndex = nil
        state.commandLine = line
    }

    static func recallCommandLine(_ state: inout DeskState, by delta: Int) {
        guard var line = state.commandLine, !state.commandHistory.isEmpty else { return }
        let history = state.commandHistory
        if line.historyIndex == nil {
            guard delta < 0 else { return }
            line.draft = line.text
        }
        let target = (line.historyIndex ?? history.count) + delta
        if target >= history.count {
            line.historyIndex = nil
            line.text = line.draft
        } else {
            let index = max(0, target)
            line.historyIndex = index
            line.text = history[index]
        }
        line.completion = nil
        state.commandLine = line
    }
}
