@preconcurrency import CNcurses
import DeskModel
import Foundation

/// The one file that talks to ncurses: writes grids to the terminal (only the cells that
/// changed) and reads keys, mouse and resizes from it.
public final class CursesTerminal: TerminalDevice {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Grid?
    private var restored = false
    private var pairs: [Style: (attributes: attr_t, pair: Int16)] = [:]
    /// False when the system has no UTF-8 locale: only ASCII reaches the terminal.
    private let utf8: Bool
    /// Colours are shown (the terminal has them and `NO_COLOR` is not set); the Reports
    /// screen draws its charts only then.
    public private(set) var showsColour = false

    /// Opens curses on `output`/`input` (a real terminal, or a pipe or file in benchmarks)
    /// with terminal type `term` (nil: `$TERM`).
    public init(term: String? = nil, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, theme: Theme, useColor: Bool) throws(DeskError) {
        // Without a UTF-8 locale, accents, CJK and emoji silently vanish.
        utf8 = TerminalLocale.useUTF8()
        guard let screen = newterm(term, output, input) else {
            throw .invalidInput("Cannot open the terminal (TERM=\(term ?? ProcessInfo.processInfo.environment["TERM"] ?? "unset"))")
        }
        self.screen = screen
        self.output = output
        self.input = input
        _ = set_term(screen)
        guard let window = stdscr else {
            endwin()
            delscreen(screen)
            throw .invalidInput("Cannot open the terminal")
        }
        self.window = window
        raw()                   // Ctrl-C and Ctrl-S arrive as keys, not signals or flow control
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        _ = mousemask(deskterm_all_mouse_events(), nil)
        mouseinterval(0)
        // A paste arrives between markers, as one event (see `BracketedPaste`).
        define_key(BracketedPaste.start, Self.pasteStartKey)
        define_key(BracketedPaste.end, Self.pasteEndKey)
        writeControl(BracketedPaste.enable)
        setUpStyles(theme: theme, useColor: useColor && has_colors())
        // Block characters need UTF-8 as much as the charts need colours.
        showsColour = useColor && has_colors() && utf8
    }

    /// The real terminal of this process.
    public static func standard(theme: Theme, useColor: Bool) throws(DeskError) -> CursesTerminal {
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw .invalidInput("Cannot open the terminal")
        }
        return try CursesTerminal(output: output, input: input, theme: theme, useColor: useColor)
    }

    private func setUpStyles(theme: Theme, useColor: Bool) {
        let effective = useColor ? theme : theme.withoutColor
        if useColor {
            start_color()
            use_default_colors()
        }
        var nextPair: Int16 = 1
        var pairByColors: [String: Int16] = [:]
        for style in Style.allCases {
            let look = effective.look(style)
            var attributes: attr_t = deskterm_A_NORMAL
            if look.bold { attributes |= deskterm_A_BOLD }
            if look.dim { attributes |= deskterm_A_DIM }
            if look.reverse { attributes |= deskterm_A_REVERSE }
            if look.underline { attributes |= deskterm_A_UNDERLINE }
            var pair: Int16 = 0
            if useColor && look.usesColor {
                let key = "\(look.foreground.rawValue)/\(look.background.rawValue)"
                if let existing = pairByColors[key] {
                    pair = existing
                } else {
                    init_pair(nextPair, Self.cursesColor(look.foreground), Self.cursesColor(look.background))
                    pairByColors[key] = nextPair
                    pair = nextPair
                    nextPair += 1
                }
            }
            pairs[style] = (attributes, pair)
        }
    }

    private static func cursesColor(_ color: StyleLook.Color) -> Int16 {
        switch color {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    public var size: TerminalSize {
        TerminalSize(columns: Int(deskterm_cols(window)), rows: Int(deskterm_lines(window)))
    }

    public func draw(_ grid: Grid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { werase(window) }
        var cell = cchar_t()
        // Neighbouring cells mostly share a style: its pair is looked up once per run.
        var lastStyle: Style?
        var style = (attributes: deskterm_A_NORMAL, pair: Int16(0))
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let new = grid[x, y]
                if new.isContinuation { continue }
                // Unchanged cells are skipped: moving one row rewrites two rows, not the screen.
                if !full, let old = previous, old[x, y] == new, new.width != 2 || old[x + 1, y] == grid[x + 1, y] {
                    continue
                }
                if new.style != lastStyle {
                    style = pairs[new.style] ?? (deskterm_A_NORMAL, 0)
                    lastStyle = new.style
                }
                // Most cells hold one ASCII character: no string or array is made for them (a
                // full screen is 10,000 cells at 200x50).
                if new.width == 1, let ascii = Self.singleASCII(new.text) {
                    var wide: (wchar_t, wchar_t) = (wchar_t(ascii), 0)
                    withUnsafePointer(to: &wide) { pointer in
                        pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { characters in
                            _ = setcchar(&cell, characters, style.attributes, style.pair, nil)
                        }
                    }
                    _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
                    continue
                }
                let (text, padding) = Self.cursesText(new, utf8: utf8)
                for (offset, piece) in ([text] + Array(repeating: " ", count: padding)).enumerated() {
                    var scalars = piece.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                    scalars.append(0)
                    scalars.withUnsafeBufferPointer { buffer in
                        _ = setcchar(&cell, buffer.baseAddress, style.attributes, style.pair, nil)
                    }
                    _ = mvwadd_wch(window, Int32(y), Int32(x + offset), &cell)
                }
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    /// What to hand ncurses for a cell, and how many blanks to write after it. ncurses moves
    /// its idea of the cursor by the C library's `wcwidth`; where that disagrees with the grid
    /// (a text symbol made emoji by VS16, "⚠️": the grid and tmux say 2, `wcwidth` says 1)
    /// ncurses' cursor drifts from the terminal's and the rest of the row lands a column off.
    /// Such a cell is written as its base character plus a blank, which every party agrees
    /// takes two columns; a cell `wcwidth` cannot place at all becomes "�" plus blanks.
    ///
    /// Only the first character and the combining marks after it are handed over: a terminal
    /// cell holds no more. The rest of an emoji sequence ("👩‍💻", a flag) would be dropped by
    /// curses at best, and a joiner left dangling makes terminals merge it with the next cell.
    ///
    /// Without a UTF-8 locale curses can write ASCII only: anything else becomes "?" (and
    /// blanks for the rest of its width), so text shows as replaced, never as gaps.
    static func cursesText(_ cell: Cell, utf8: Bool = true) -> (text: String, padding: Int) {
        guard let first = cell.text.unicodeScalars.first, cell.width > 0 else { return (cell.text, 0) }
        if !utf8 && !(first.isASCII && cell.text.unicodeScalars.count == 1) { return ("?", Int(cell.width) - 1) }
        let cursesWidth = Int(deskterm_wcwidth(first.value))
        let width = Int(cell.width)
        if cursesWidth == width { return (baseWithMarks(cell.text), 0) }
        if cursesWidth == 1 { return (String(first), width - 1) }
        return ("\u{FFFD}", width - 1)
    }

    /// The byte of a text that is one printable ASCII character, else nil.
    static func singleASCII(_ text: String) -> UInt8? {
        var bytes = text.utf8.makeIterator()
        guard let byte = bytes.next(), bytes.next() == nil, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    /// The first character and the combining marks that follow it (no joiners, no variation
    /// selectors, nothing that takes a column of its own).
    private static func baseWithMarks(_ text: String) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return text }
        var result = String.UnicodeScalarView([first])
        while let next = scalars.next() {
            let isMark = [.nonspacingMark, .enclosingMark].contains(next.properties.generalCategory)
            guard isMark, deskterm_wcwidth(next.value) == 0 else { break }
            result.append(next)
        }
        return result.count == text.unicodeScalars.count ? text : String(result)
    }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        wtimeout(window, timeoutMilliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == deskterm_ERR { return nil }
        if result == KEY_CODE_YES {
            let code = Int32(character)
            if code == Self.pasteStartKey { return .paste(readPaste()) }
            // An end marker without a start (the paste began before the client did).
            if code == Self.pasteEndKey { return nil }
            return functionKey(code)
        }
        return characterKey(UInt32(character))
    }

    /// Key codes curses reports for the paste markers, far above its own (`KEY_MAX` is 511,
    /// and terminfo's extended keys follow it).
    private static let pasteStartKey: Int32 = 0x2000
    private static let pasteEndKey: Int32 = 0x2001
    /// A paste that stops arriving for this long without its end marker is taken as it is.
    private static let pasteSilenceMilliseconds: Int32 = 1000

    /// Reads the paste after its start marker straight from the input, in large reads: curses
    /// reads one byte per call, which makes a 100 KB paste slow. curses holds nothing beyond
    /// the marker (it reads a key sequence byte by byte and the marker ends the sequence).
    private func readPaste() -> String {
        var collector = PasteCollector()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let descriptor = fileno(input)
        while !collector.isComplete {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Self.pasteSilenceMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            collector.consume(buffer[0..<count])
        }
        // Keys typed right after the paste go back to curses, which reads them next.
        for byte in collector.leftover.reversed() { ungetch(Int32(byte)) }
        return collector.text
    }

    public func copyToClipboard(_ text: String) {
        writeControl(OSC52.sequence(copying: text))
    }

    /// Writes a terminal control sequence curses knows nothing about.
    private func writeControl(_ sequence: String) {
        fputs(sequence, output)
        fflush(output)
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE:
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == deskterm_OK else { return nil }
            if event.bstate & deskterm_button4_pressed() != 0 { return .mouseWheel(up: true) }
            if event.bstate & deskterm_button5_pressed() != 0 { return .mouseWheel(up: false) }
            if event.bstate & deskterm_button1_pressed() != 0 { return .mouseClick(x: Int(event.x), y: Int(event.y)) }
            return nil
        default:
            for n in 1...12 where code == deskterm_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func characterKey(_ value: UInt32) -> InputEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Sets the screen size when there is no terminal to ask (a benchmark writing to a file).
    public func resize(to size: TerminalSize) {
        resizeterm(Int32(size.rows), Int32(size.columns))
        previous = nil
    }

    /// Bytes written so far, when the output is a file.
    public func bytesWritten(to output: UnsafeMutablePointer<FILE>) -> Int {
        fflush(output)
        return ftell(output)
    }

    /// Ctrl-L: the terminal may show anything (another program wrote on it, or it lost
    /// track of a wide character), so the next frame clears it and draws every cell.
    public func repaint() {
        previous = nil
        clearok(window, true)
    }

    public func suspend() {
        def_prog_mode()
        endwin()
        writeControl(BracketedPaste.disable)
    }

    public func resume() {
        writeControl(BracketedPaste.enable)
        reset_prog_mode()
        previous = nil
        clearok(window, true)
        wrefresh(window)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        // Every exit path (quit, signals, errors) comes here: the shell gets plain pastes back.
        writeControl(BracketedPaste.disable)
        delscreen(screen)
    }
}

extension CursesTerminal {
    /// One poll(2) on the terminal's input and `descriptor`. Keys curses already holds (the
    /// rest of a sequence, keys typed after a paste) come first: poll cannot see them. A
    /// resize interrupts the poll (SIGWINCH) and curses then reports it as a key.
    public func nextEvent(timeoutMilliseconds: Int32, alsoWatching descriptor: Int32) -> TerminalWake {
        if let held = nextEvent(timeoutMilliseconds: 0) { return .input(held) }
        var requests = [
            pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0),
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&requests, 2, timeoutMilliseconds)
        if ready > 0, requests[0].revents != 0 {
            if let event = nextEvent(timeoutMilliseconds: 0) { return .input(event) }
            // A terminal that hung up stays "readable" with nothing to read: wait as before
            // rather than spin (the hang-up signal ends the client).
            if requests[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return nextEvent(timeoutMilliseconds: timeoutMilliseconds).map(TerminalWake.input) ?? .timedOut
            }
        }
        // Readable, hung up or failed: the feed's owner finds out which when it drains.
        if ready > 0, requests[1].revents != 0 { return .watchedReadable }
        if ready < 0, let resized = nextEvent(timeoutMilliseconds: 0) { return .input(resized) }
        return .timedOut
    }
}
