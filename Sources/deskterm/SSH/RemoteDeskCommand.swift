import DeskModel

/// A ticket command an SSH client may run. Who may do what is the store's business, as on
/// the command line; what is refused here is only what would reach past the desk: a file of
/// the server.
protocol RemoteDeskCommand: DeskCommand {
    /// Why these arguments may not come from an SSH client, or nil when they may.
    var sshRefusal: Phrase? { get }
}

extension RemoteDeskCommand {
    var sshRefusal: Phrase? { nil }
}

extension ListCommand: RemoteDeskCommand {}
extension ShowCommand: RemoteDeskCommand {}
extension SearchCommand: RemoteDeskCommand {}
extension WatchCommand: RemoteDeskCommand {}
extension UnwatchCommand: RemoteDeskCommand {}
// A user's own saved views and settings: nothing in them reaches past the user.
extension ViewSave: RemoteDeskCommand {}
extension ViewList: RemoteDeskCommand {}
extension ViewDelete: RemoteDeskCommand {}
extension SettingsShow: RemoteDeskCommand {}
extension SettingsSet: RemoteDeskCommand {}
// The knowledge base over SSH is read-only: writing articles and folders stays on the server.
extension KBList: RemoteDeskCommand {}
extension KBShow: RemoteDeskCommand {}
extension KBSearch: RemoteDeskCommand {}

/// Over SSH the text always comes from standard input.
private func bodyFileRefusal(_ path: String?) -> Phrase? {
    guard let path, path != "-" else { return nil }
    return .cli("--body-file takes only - over SSH: the text comes from standard input")
}

extension NewCommand: RemoteDeskCommand {
    var sshRefusal: Phrase? { bodyFileRefusal(bodyFile) }
}

extension ReplyCommand: RemoteDeskCommand {
    var sshRefusal: Phrase? { bodyFileRefusal(bodyFile) }
}

extension AttachCommand: RemoteDeskCommand {
    /// Over SSH the FILE argument only names the attachment; its bytes come from standard input.
    var sshRefusal: Phrase? {
        guard file.contains("/") || file == "." || file == ".." else { return nil }
        return .cli("an attachment name is a plain file name, not a path (the file's bytes come from standard input)")
    }
}
