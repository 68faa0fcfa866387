import Foundation

/// Copying to the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`), which
/// reaches the clipboard of the machine the terminal runs on, also across SSH.
public enum OSC52 {
    public static func sequence(copying text: String) -> String {
        "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// On a remote machine a program writing the user's local clipboard is a surprise at best,
    /// so it is off in SSH sessions unless the user turns it on: `osc52 = on` in the config, or
    /// `deskterm settings set osc52 on` (`stored`, kept in the desk: the desk's SSH session reads
    /// no config). The config wins over the desk. `sshSession`: the client is the desk's own SSH
    /// session (`deskterm ssh-session`), whatever the environment.
    public static func isEnabled(
        _ setting: ClipboardSetting, stored: Bool? = nil, sshSession: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        switch setting {
        case .on: true
        case .off: false
        case .auto:
            stored ?? (!sshSession && !["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"].contains { environment[$0].map { !$0.isEmpty } ?? false })
        }
    }
}

/// The config's `osc52` setting: `auto` (the default: on, except in SSH sessions), `on`, `off`.
public enum ClipboardSetting: String, CaseIterable, Equatable, Sendable {
    case auto, on, off
}
