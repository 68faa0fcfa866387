/// What ended a wait on the terminal and another descriptor together
/// (`TerminalDevice.nextEvent(timeoutMilliseconds:alsoWatching:)`).
public enum TerminalWake: Equatable, Sendable {
    case input(InputEvent)
    /// The other descriptor is readable (a desk change feed's socket).
    case watchedReadable
    /// Nothing within the time, or a signal interrupted the wait.
    case timedOut
}

extension TerminalDevice {
    /// Terminals that cannot wait on another descriptor (test fakes) wait on their input alone.
    public func nextEvent(timeoutMilliseconds: Int32, alsoWatching descriptor: Int32) -> TerminalWake {
        nextEvent(timeoutMilliseconds: timeoutMilliseconds).map(TerminalWake.input) ?? .timedOut
    }
}
