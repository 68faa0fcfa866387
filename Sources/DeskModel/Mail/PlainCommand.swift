import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A mail command the shell would only cut into words and look up on PATH, such as the
/// default `sendmail -t -oi -f support@desk.test`: delivery runs it itself instead of through
/// `/bin/sh -c`. The shell is a process of its own per mail (dash starts the command as a child
/// rather than becoming it), which costs about as much as a local sendmail's own work, so
/// skipping it is most of what the desk can save per mail. Anything else the shell would read
/// (redirections, `;`, `|`, `$`, globs, double quotes, assignments, keywords, builtins, a
/// program not found, a file that is neither an ELF binary nor a `#!` script) still goes
/// through the shell, which then behaves as it always did.
enum PlainCommand {
    /// The program to start and its arguments (the first as typed), or nil for the shell.
    static func resolved(_ command: String, path: String? = getenv("PATH").map { String(cString: $0) }) -> (program: String, arguments: [String])? {
        guard let arguments = words(command), let name = arguments.first, !shellWords.contains(name), !name.contains("="),
              let program = program(name, path: path), startsDirectly(program)
        else { return nil }
        return (program, arguments)
    }

    /// The words of `command` when it holds nothing but words of ShellWord's plain characters
    /// and single-quoted text (as `ShellWord.quoted` writes it, `\'` included), between spaces.
    static func words(_ command: String) -> [String]? {
        let scalars = Array(command.unicodeScalars)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false
        var quoted = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "'" { quoted = false } else { word.append(scalar) }
            } else if scalar == " " || scalar == "\t" {
                if inWord { words.append(String(word)) }
                word = String.UnicodeScalarView()
                inWord = false
            } else if scalar == "'" {
                quoted = true
                inWord = true
            } else if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "'" {
                word.append("'")
                inWord = true
                index += 1
            } else if ShellWord.isPlain(scalar) {
                word.append(scalar)
                inWord = true
            } else {
                return nil
            }
            index += 1
        }
        guard !quoted else { return nil }
        if inWord { words.append(String(word)) }
        return words.isEmpty ? nil : words
    }

    /// A name with a slash as it is, else the first executable file of that name on PATH (as
    /// the shell finds it); nil when there is none.
    static func program(_ name: String, path: String?) -> String? {
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        guard let path else { return nil }
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether the kernel itself can start the file: an ELF binary or a `#!` script. The
    /// shell runs any other executable file (a script without `#!`) as a shell script when
    /// exec refuses it with ENOEXEC; posix_spawn does not, so such files go through the shell.
    static func startsDirectly(_ program: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: program) else { return false }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 4)) ?? Data()
        return head.starts(with: [0x7f, 0x45, 0x4c, 0x46]) || head.starts(with: [0x23, 0x21])
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    /// Words the shell itself acts on as the first word of a command, whatever PATH holds.
    /// Builtins that also exist as programs (echo, printf, test, kill…) behave differently
    /// from those programs, so they go through the shell too.
    static let shellWords: Set<String> = [
        ".", ":", "[", "alias", "bg", "break", "cd", "command", "continue", "echo", "eval", "exec", "exit", "export", "false",
        "fc", "fg", "getopts", "hash", "jobs", "kill", "local", "printf", "pwd", "read", "readonly", "return", "set", "shift",
        "source", "test", "times", "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait",
        "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "function", "time",
        "!", "{", "}", "[[", "]]", "select",
    ]
}
