import Foundation
import XCTest

@testable import DeskModel

// MARK: - TextSafety

final class TextTests: XCTestCase {
    private func both(_ text: String) -> (line: String, block: String) {
        (TextSafety.sanitizedLine(text), TextSafety.sanitizedBlock(text))
    }

    func testPlainTextIsUnchanged() {
        let samples = [
            "",
            "Printer offline since Monday",
            "Imprimante hors ligne — réponse «urgente» s’il vous plaît…",
            "日本語のテキスト 한국어 👍 👨‍👩‍👧 🇫🇷 e\u{301}",
            "Quotes ‘single’ “double” ‐ hyphen \u{00A0}nbsp",
        ]
        for text in samples {
            XCTAssertEqual(TextSafety.sanitizedLine(text), text)
            XCTAssertEqual(TextSafety.sanitizedBlock(text), text)
            XCTAssertFalse(TextSafety.containsControlCharacters(text), text)
        }
    }

    func testZeroWidthJoinerIsKeptOnlyBetweenTwoEmojiOfOneGrapheme() {
        let kept = [
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",          // family
            "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",                   // rainbow flag: VS16 before the ZWJ
            "\u{1F9D1}\u{1F3FD}\u{200D}\u{1F4BB}",                  // technologist, skin tone before the ZWJ
            "\u{2764}\u{FE0F}\u{200D}\u{1F525}",                    // heart on fire
            "ok \u{1F469}\u{200D}\u{1F4BB} done",
        ]
        for text in kept {
            XCTAssertEqual(Array(TextSafety.sanitizedLine(text).unicodeScalars), Array(text.unicodeScalars), text)
            XCTAssertFalse(TextSafety.containsControlCharacters(text), text)
        }
        // Next to a letter, alone, at either end of an emoji, or doubled, it only hides text.
        let replaced: [(String, String)] = [
            ("a\u{200D}b", "a\u{FFFD}b"),
            ("\u{200D}", "\u{FFFD}"),
            ("\u{1F44D}\u{200D}", "\u{1F44D}\u{FFFD}"),
            ("\u{200D}\u{1F44D}", "\u{FFFD}\u{1F44D}"),
            ("\u{1F44D}\u{200D}a", "\u{1F44D}\u{FFFD}a"),
            ("a\u{200D}\u{1F44D}", "a\u{FFFD}\u{1F44D}"),
            ("1\u{200D}\u{1F44D}", "1\u{FFFD}\u{1F44D}"),  // digits are "emoji" only in keycaps
            ("\u{1F44D}\u{200D}\u{200D}\u{1F44D}", "\u{1F44D}\u{FFFD}\u{FFFD}\u{1F44D}"),
        ]
        for (text, expected) in replaced {
            XCTAssertEqual(Array(TextSafety.sanitizedLine(text).unicodeScalars), Array(expected.unicodeScalars), text.debugDescription)
            XCTAssertEqual(Array(TextSafety.sanitizedBlock(text).unicodeScalars), Array(expected.unicodeScalars), text.debugDescription)
            XCTAssertTrue(TextSafety.containsControlCharacters(text), text.debugDescription)
        }
    }

    func testInvisibleCharactersBecomePlaceholders() {
        let invisible: [UInt32] = [
            0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E,  // zero-width spaces, joiners, BOM
            0x2028, 0x2029,                                  // line and paragraph separators
            0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F,  // deprecated format controls
            0xFFF9, 0xFFFA, 0xFFFB,                          // interlinear annotation
            0x115F, 0x1160, 0x3164, 0xFFA0,                  // Hangul fillers
            0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE0061, 0xE007E, 0xE007F,  // tags
        ]
        for value in invisible {
            let scalar = Unicode.Scalar(value)!
            let name = String(value, radix: 16)
            XCTAssertEqual(TextSafety.placeholder(for: scalar), "\u{FFFD}", name)
            let text = "pay\(Character(scalar))pal.pdf"
            XCTAssertEqual(Array(TextSafety.sanitizedLine(text).unicodeScalars), Array("pay\u{FFFD}pal.pdf".unicodeScalars), name)
            XCTAssertEqual(Array(TextSafety.sanitizedBlock(text).unicodeScalars), Array("pay\u{FFFD}pal.pdf".unicodeScalars), name)
            XCTAssertTrue(TextSafety.containsControlCharacters(text), name)
            // Measured as drawn: the placeholder takes one column.
            XCTAssertEqual(DisplayWidth.of(text), 11, name)
        }
        // Their neighbours are ordinary text.
        for value: UInt32 in [0x200A, 0x2010, 0x2027, 0x202F, 0x205F, 0x2070, 0x180D, 0xFE0F, 0xFEFE, 0xFFFC,
                              0x115E, 0x1161, 0x3163, 0x3165, 0xFF9F, 0xFFA1, 0xE0100] {
            XCTAssertNil(TextSafety.placeholder(for: Unicode.Scalar(value)!), String(value, radix: 16))
        }
    }

    func testTagsAreKeptOnlyInASubdivisionFlag() {
        let england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        XCTAssertEqual(Array(TextSafety.sanitizedLine(england).unicodeScalars), Array(england.unicodeScalars))
        XCTAssertEqual(DisplayWidth.of(england), 2)
        // Hidden ASCII after ordinary text ("Hi" + tag "I g n"), a flag without its cancel tag,
        // and a flag carrying more than a region code are all made visible.
        XCTAssertEqual(TextSafety.sanitizedLine("Hi\u{E0049}\u{E0067}\u{E006E}"), "Hi\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(TextSafety.sanitizedLine("\u{1F3F4}\u{E0067}\u{E0062}"), "\u{1F3F4}\u{FFFD}\u{FFFD}")
        let smuggled = "\u{1F3F4}" + String(repeating: "\u{E0061}", count: 12) + "\u{E007F}"
        XCTAssertEqual(TextSafety.sanitizedLine(smuggled), "\u{1F3F4}" + String(repeating: "\u{FFFD}", count: 13))
    }

    func testDisplayWidthOfRawTextAgreesWithTheSanitizedText() {
        let samples = [
            "a\u{200B}b", "a\u{200D}b", "\u{FEFF}x", "x\u{2028}y", "\u{3164}", "\u{115F}\u{1161}",
            "Hi\u{E0049}\u{E0067}", "x\u{202E}y", "\u{9B}31m", "e\u{301}\u{200B}", "\u{1F44D}\u{200D}",
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "日本\u{200C}語",
        ]
        for text in samples {
            XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.of(TextSafety.sanitizedLine(text)), text.debugDescription)
        }
    }

    func testEscapeSequencesBecomeVisible() {
        let colour = both("\u{1B}[31mred\u{1B}[0m")
        XCTAssertEqual(colour.line, "\u{241B}[31mred\u{241B}[0m")
        XCTAssertEqual(colour.block, "\u{241B}[31mred\u{241B}[0m")

        let clear = both("\u{1B}[2J\u{1B}[H")
        XCTAssertEqual(clear.line, "␛[2J␛[H")
        XCTAssertEqual(clear.block, "␛[2J␛[H")
    }

    func testOSC52ClipboardWriteIsNeutralised() {
        let attack = both("x\u{1B}]52;c;cm0gLXJmIH4=\u{07}y")
        XCTAssertEqual(attack.line, "x\u{241B}]52;c;cm0gLXJmIH4=\u{2407}y")
        XCTAssertEqual(attack.block, "x␛]52;c;cm0gLXJmIH4=␇y")
    }

    func testTitleChangeIsNeutralisedWithEitherTerminator() {
        XCTAssertEqual(TextSafety.sanitizedLine("\u{1B}]0;pwned\u{07}Subject"), "␛]0;pwned␇Subject")
        XCTAssertEqual(TextSafety.sanitizedBlock("\u{1B}]2;pwned\u{1B}\\Subject"), "␛]2;pwned␛\\Subject")
    }

    func testC1ControlsBecomeReplacementCharacters() {
        // 0x9B is a one-byte CSI, 0x9D a one-byte OSC, 0x85 NEL.
        XCTAssertEqual(TextSafety.sanitizedLine("\u{9B}31mred"), "\u{FFFD}31mred")
        XCTAssertEqual(TextSafety.sanitizedBlock("\u{9D}0;title\u{9C}"), "\u{FFFD}0;title\u{FFFD}")
        XCTAssertEqual(TextSafety.sanitizedBlock("a\u{85}b"), "a\u{FFFD}b")
        XCTAssertEqual(TextSafety.sanitizedLine("\u{80}\u{9F}"), "\u{FFFD}\u{FFFD}")
    }

    func testDeleteAndOtherC0Controls() {
        XCTAssertEqual(TextSafety.sanitizedLine("a\u{7F}b"), "a\u{2421}b")
        XCTAssertEqual(TextSafety.sanitizedBlock("a\u{7F}b"), "a␡b")
        XCTAssertEqual(TextSafety.sanitizedLine("a\u{0}b\u{7}c\u{8}d"), "a\u{2400}b\u{2407}c\u{2408}d")
        XCTAssertEqual(TextSafety.sanitizedBlock("\u{0C}\u{0B}\u{1F}"), "\u{240C}\u{240B}\u{241F}")
    }

    func testBidiOverridesAndIsolatesBecomeReplacementCharacters() {
        XCTAssertEqual(TextSafety.sanitizedLine("invoice\u{202E}fdp.exe"), "invoice\u{FFFD}fdp.exe")
        XCTAssertEqual(TextSafety.sanitizedBlock("invoice\u{202E}fdp.exe"), "invoice\u{FFFD}fdp.exe")
        let controls: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                  0x2066, 0x2067, 0x2068, 0x2069]
        for value in controls {
            let scalar = Unicode.Scalar(value)!
            XCTAssertEqual(TextSafety.sanitizedLine("a\(Character(scalar))b"), "a\u{FFFD}b", String(value, radix: 16))
            XCTAssertEqual(TextSafety.placeholder(for: scalar), "\u{FFFD}", String(value, radix: 16))
        }
        // Neighbours of those ranges are ordinary text.
        for value: UInt32 in [0x2010, 0x2019, 0x2026, 0x2030, 0x2065] {
            XCTAssertNil(TextSafety.placeholder(for: Unicode.Scalar(value)!), String(value, radix: 16))
        }
    }

    func testCRLFHandlingInBlocks() {
        XCTAssertEqual(TextSafety.sanitizedBlock("one\r\ntwo"), "one\ntwo")
        XCTAssertEqual(TextSafety.sanitizedBlock("one\rtwo"), "one\ntwo")
        XCTAssertEqual(TextSafety.sanitizedBlock("one\ntwo"), "one\ntwo")
        XCTAssertEqual(TextSafety.sanitizedBlock("one\r\n\r\ntwo\r\n"), "one\n\ntwo\n")
        XCTAssertEqual(TextSafety.sanitizedBlock("one\n\rtwo"), "one\n\ntwo")
        XCTAssertEqual(TextSafety.sanitizedBlock("one\r\r\ntwo"), "one\n\ntwo")
    }

    func testCRLFHandlingInLines() {
        XCTAssertEqual(TextSafety.sanitizedLine("one\r\ntwo"), "one two")
        XCTAssertEqual(TextSafety.sanitizedLine("one\rtwo"), "one two")
        XCTAssertEqual(TextSafety.sanitizedLine("one\ntwo"), "one two")
        XCTAssertEqual(TextSafety.sanitizedLine("one\r\n\r\ntwo"), "one  two")
        XCTAssertEqual(TextSafety.sanitizedLine("one\n\ntwo"), "one  two")
    }

    func testTabsAreKeptInBlocksAndBecomeSpacesInLines() {
        XCTAssertEqual(TextSafety.sanitizedBlock("name\tvalue\n\tindented"), "name\tvalue\n\tindented")
        XCTAssertEqual(TextSafety.sanitizedLine("name\tvalue\n\tindented"), "name value  indented")
    }

    func testMixedAttackInABlock() {
        let input = "Hello\r\n\u{1B}]52;c;ZWNobw==\u{07}\tbye\u{202E}\u{7F}\u{9B}"
        XCTAssertEqual(TextSafety.sanitizedBlock(input), "Hello\n␛]52;c;ZWNobw==␇\tbye\u{FFFD}␡\u{FFFD}")
        XCTAssertEqual(TextSafety.sanitizedLine(input), "Hello ␛]52;c;ZWNobw==␇ bye\u{FFFD}␡\u{FFFD}")
    }

    func testNoDangerousScalarSurvivesSanitizing() {
        var input = String.UnicodeScalarView()
        for value in UInt32(0)...0x9F { input.append(Unicode.Scalar(value)!) }
        for value: UInt32 in [0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069,
                              0x200B, 0x200D, 0x2060, 0xFEFF, 0x2028, 0x3164, 0xFFFA, 0xE0041] {
            input.append(Unicode.Scalar(value)!)
        }
        let text = String(input)
        let dangerous: (Unicode.Scalar) -> Bool = { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value) || [0x061C, 0x200E, 0x200F].contains(s.value)
                || (0x200B...0x200D).contains(s.value) || [0x2060, 0xFEFF, 0x2028, 0x3164, 0xFFFA, 0xE0041].contains(s.value)
        }
        let block = TextSafety.sanitizedBlock(text)
        XCTAssertEqual(block.unicodeScalars.filter(dangerous).map(\.value), [0x09, 0x0A, 0x0A])  // \t, \n, \r
        let line = TextSafety.sanitizedLine(text)
        XCTAssertEqual(line.unicodeScalars.filter(dangerous).map(\.value), [])
        // Printable ASCII passes through untouched.
        XCTAssertTrue(line.contains(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"))
    }

    func testPlaceholders() {
        XCTAssertEqual(TextSafety.placeholder(for: "\u{0}"), "\u{2400}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{1B}"), "\u{241B}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{1F}"), "\u{241F}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{7F}"), "\u{2421}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{80}"), "\u{FFFD}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{9B}"), "\u{FFFD}")
        XCTAssertEqual(TextSafety.placeholder(for: "\u{9F}"), "\u{FFFD}")
        XCTAssertNil(TextSafety.placeholder(for: " "))
        XCTAssertNil(TextSafety.placeholder(for: "~"))
        XCTAssertNil(TextSafety.placeholder(for: "\u{A0}"))
        XCTAssertNil(TextSafety.placeholder(for: "é"))
    }

    func testContainsControlCharacters() {
        for text in ["a\nb", "a\tb", "a\rb", "\u{1B}[0m", "\u{9B}", "\u{7F}", "x\u{202E}y", "\u{0}", "\u{200D}", "a\u{200B}"] {
            XCTAssertTrue(TextSafety.containsControlCharacters(text), text.debugDescription)
        }
        for text in ["", "plain", "résumé 日本 👍", "\u{1F468}\u{200D}\u{1F469}", "\u{A0}"] {
            XCTAssertFalse(TextSafety.containsControlCharacters(text), text.debugDescription)
        }
    }
}

// MARK: - DisplayWidth

final class DisplayWidthTextTests: XCTestCase {
    func testASCII() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
        XCTAssertEqual(DisplayWidth.of("Ticket #1042: printer offline!"), 30)
    }

    func testPrecomposedAndCombiningAccentsAreOneColumn() {
        XCTAssertEqual(DisplayWidth.of("\u{E9}"), 1)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("caf\u{E9}"), 4)
        XCTAssertEqual(DisplayWidth.of("a\u{301}\u{302}\u{303}"), 1)
        XCTAssertEqual(DisplayWidth.of(Character("\u{E9}")), 1)
    }

    func testZeroWidthScalarsOnTheirOwn() {
        XCTAssertEqual(DisplayWidth.of("\u{301}"), 0)
        // A zero-width space is drawn as a placeholder, and measured as one.
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 3)
    }

    func testEastAsianWide() {
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("日本語abc"), 9)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)
        XCTAssertEqual(DisplayWidth.of("、。"), 4)
    }

    func testEmoji() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
        XCTAssertEqual(DisplayWidth.of("ok 👍"), 5)
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("🤔"), 2)
    }

    func testFlagAndZWJSequencesAreOneWideCharacter() {
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2)
        XCTAssertEqual(DisplayWidth.of("🇫🇷🇮🇹"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"), 2)  // rainbow flag
    }

    func testVariationSelectorSixteenMakesATextSymbolWide() {
        XCTAssertEqual(DisplayWidth.of("\u{2764}"), 1)
        XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{A9}\u{FE0F}"), 2)  // ©️
        // Keycaps are an ASCII symbol turned emoji by VS16, like ©️.
        XCTAssertEqual(DisplayWidth.of("#"), 1)
        XCTAssertEqual(DisplayWidth.of("#\u{FE0F}\u{20E3}"), 2)
        XCTAssertEqual(DisplayWidth.of("step 1\u{FE0F}\u{20E3}"), 7)
        XCTAssertEqual(DisplayWidth.truncate("1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}", to: 3), "1\u{FE0F}\u{20E3}…")
    }

    func testControlPicturesAndPlaceholdersAreOneColumn() {
        XCTAssertEqual(DisplayWidth.of("␛[31m"), 5)
        XCTAssertEqual(DisplayWidth.of("\u{FFFD}"), 1)
        XCTAssertEqual(DisplayWidth.of("…"), 1)
    }

    // MARK: truncate

    func testTruncateNeverSplitsAWideCharacter() {
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 4), "日…")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 3), "日…")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 5), "日本…")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 2), "…")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("a日b", to: 3), "a…")
        XCTAssertEqual(DisplayWidth.truncate("👍👍👍", to: 5), "👍👍…")
        XCTAssertEqual(DisplayWidth.truncate("👍👍👍", to: 4), "👍…")
    }

    func testTruncateKeepsTextThatFits() {
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 6), "日本語")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 60), "日本語")
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 5), "hello")
        XCTAssertEqual(DisplayWidth.truncate("", to: 3), "")
    }

    func testTruncateASCIIWithEllipsis() {
        XCTAssertEqual(DisplayWidth.truncate("hello world", to: 8), "hello w…")
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 4), "hel…")
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 1), "…")
    }

    func testTruncateToNothing() {
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 0), "")
        XCTAssertEqual(DisplayWidth.truncate("hello", to: -3), "")
    }

    func testTruncateKeepsCombiningMarksAndSequencesWhole() {
        XCTAssertEqual(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2), "e\u{301}…")
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        XCTAssertEqual(DisplayWidth.truncate(family + "x", to: 2), "…")
        XCTAssertEqual(DisplayWidth.truncate(family + "xy", to: 3), family + "…")
        XCTAssertEqual(DisplayWidth.truncate("🇫🇷🇮🇹", to: 3), "🇫🇷…")
    }

    func testTruncatedTextNeverExceedsTheWidth() {
        let samples = ["日本語のテキスト", "mixed 日本 text 👍 here", "e\u{301}e\u{301}e\u{301}e\u{301}", "🇫🇷🇮🇹🇩🇪"]
        for text in samples {
            for width in 0...(DisplayWidth.of(text) + 1) {
                let cut = DisplayWidth.truncate(text, to: width)
                XCTAssertLessThanOrEqual(DisplayWidth.of(cut), width, "\(text) to \(width)")
                XCTAssertGreaterThanOrEqual(DisplayWidth.of(cut), width - 1, "\(text) to \(width): no column wasted but one")
            }
        }
    }

    // MARK: fit

    func testFitPadsToExactWidth() {
        XCTAssertEqual(DisplayWidth.fit("ab", to: 4), "ab  ")
        XCTAssertEqual(DisplayWidth.fit("ab", to: 4, alignRight: true), "  ab")
        XCTAssertEqual(DisplayWidth.fit("日本", to: 4), "日本")
        XCTAssertEqual(DisplayWidth.fit("日本", to: 5), "日本 ")
        XCTAssertEqual(DisplayWidth.fit("", to: 3), "   ")
    }

    func testFitTruncatesAndPadsAroundAWideCharacter() {
        XCTAssertEqual(DisplayWidth.fit("日本語", to: 4), "日… ")
        XCTAssertEqual(DisplayWidth.fit("日本語", to: 4, alignRight: true), " 日…")
        XCTAssertEqual(DisplayWidth.fit("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.fit("abcdef", to: 4, alignRight: true), "abc…")
        XCTAssertEqual(DisplayWidth.fit("abcdef", to: 0), "")
    }

    func testFitAlwaysGivesExactlyTheWidth() {
        for text in ["", "a", "日本語", "e\u{301}x", "👍 ok", "🇫🇷 flag"] {
            for width in 0...8 {
                XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit(text, to: width)), width, "\(text) to \(width)")
                XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit(text, to: width, alignRight: true)), width,
                               "\(text) to \(width), right")
            }
        }
    }
}

// MARK: - SHA256

final class SHA256TextTests: XCTestCase {
    private func hex(_ text: String) -> String { SHA256.hexDigest(Data(text.utf8)) }

    func testEmptyInput() {
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testABC() {
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.digest(Data("abc".utf8)), [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
            0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
        ])
    }

    func testTwoBlockMessage448Bits() {
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testMessage896Bits() {
        XCTAssertEqual(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testOneMillionA() {
        XCTAssertEqual(SHA256.hexDigest(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testPaddingBoundaries() {
        // Lengths around the 55/56 and 63/64 byte padding edges (values from coreutils sha256sum).
        let expected: [(Int, String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        ]
        for (count, digest) in expected {
            XCTAssertEqual(SHA256.hexDigest(Data(repeating: UInt8(ascii: "a"), count: count)), digest, "\(count) bytes")
        }
    }

    func testOtherInputs() {
        XCTAssertEqual(hex("The quick brown fox jumps over the lazy dog"),
                       "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
        XCTAssertEqual(hex("café"), "850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e")
        XCTAssertEqual(SHA256.hexDigest(Data([0x00, 0xFF])),
                       "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8")
    }

    func testDigestShape() {
        XCTAssertEqual(SHA256.digest(Data()).count, 32)
        let hexDigest = hex("anything")
        XCTAssertEqual(hexDigest.count, 64)
        XCTAssertTrue(hexDigest.allSatisfy { "0123456789abcdef".contains($0) }, hexDigest)
    }
}
