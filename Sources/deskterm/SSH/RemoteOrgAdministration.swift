import DeskModel

// Customer administrators manage their organisation over SSH too (`user add`, `user access`,
// `ssh authorize|revoke`, `audit --org`): the desk decides who may do what, as on the command
// line; refused here is only what would read or write a file of the server chosen by the client.

extension CommandContext {
    /// The desk and who acts: over SSH the key's user; on the command line the user named by
    /// --user or DESKTERM_USER, or nil for the operator, trusted by file access.
    func administration(_ global: GlobalOptions) throws(DeskError) -> (store: any DeskStore, actor: Viewer?) {
        switch origin {
        case .sshClient:
            let desk = try desk()
            return (desk.store, desk.viewer)
        case .commandLine:
            let store = try global.openStore()
            return (store, try global.actor(in: store))
        }
    }
}

extension UserAdd: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension UserAccounts: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension UserAddAccount: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension UserRemoveAccount: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension UserAccess: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }
extension AuditCommand: RemoteDeskCommand { var sshRefusal: Phrase? { nil } }

/// Over SSH the keys are those of the desk account the session runs as, never another file.
private func authorizedKeysRefusal(_ keys: AuthorizedKeysOptions) -> Phrase? {
    guard keys.authorizedKeys != nil else { return nil }
    return .cli("--authorized-keys is not available over SSH: the desk account's own file is used")
}

extension SSHRevoke: RemoteDeskCommand { var sshRefusal: Phrase? { authorizedKeysRefusal(keys) } }

extension SSHAuthorize: RemoteDeskCommand {
    /// The public key comes from standard input over SSH, never from a file of the server.
    var sshRefusal: Phrase? {
        if let refusal = authorizedKeysRefusal(keys) { return refusal }
        guard key != "-" else { return nil }
        return .cli("--key takes only - over SSH: the public key comes from standard input")
    }
}
