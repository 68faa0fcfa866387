import DeskModel

extension DeskEngine {
    /// Reads the desk's change token while idle: `.deskChanged` when another process changed
    /// the desk, the failure when the desk cannot be reached. While it is unreachable the
    /// reducer asks at each clock tick instead (`DeskEffect.checkDeskReachable`).
    func followDeskChanges(since lastToken: inout Int64?) {
        guard !state.deskUnreachable else { return }
        do {
            let token = try runtime.store.changeToken()
            guard token != lastToken else { return }
            lastToken = token
            send(.deskChanged)
        } catch .deskUnreachable(let location, let reason) {
            send(.failed(.deskUnreachable(location: location, reason: reason)))
        } catch {
            // Anything else (a busy desk) is tried again at the next tick, as before.
        }
    }
}
