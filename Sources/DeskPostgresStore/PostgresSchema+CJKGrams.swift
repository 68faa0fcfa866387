import DeskPostgres

/// Substrings of Chinese, Japanese and Korean text through an index of their characters and
/// character pairs (SQLite's CJK index keeps the same bigrams, `CJKText`), in place of the
/// `pg_trgm` indexes of `pg2-full-text`:
///
/// - Only rows with CJK text are indexed (`deskterm_has_cjk`, a partial index): about a tenth
///   of a generated desk's rows, where the trigram indexes covered every body and were most of
///   the time it took to load a desk (docs/PERFORMANCE.md, "Loading 1M into PostgreSQL").
/// - `deskterm_cjk_grams(text)` is each CJK character of the text and each pair of CJK
///   characters side by side; a word of one or two characters, which has no trigram, is one
///   key. `deskterm_cjk_word_grams(word)` is what a searched word needs: the pairs of each of
///   its runs of CJK characters, or a lone character. A text that holds the word holds those
///   keys, so `grams @> word_grams` keeps every match, and the substring test
///   (`ILIKE '%word%'`) then drops the rows that only have the pieces.
/// - What a CJK character is comes from the code points (the ranges of `CJKText.isCJK`), not
///   from the database's locale: it works the same under `C` as under `C.UTF-8`.
///
/// A query repeats `deskterm_has_cjk(text)` and `deskterm_cjk_grams(text)` over the same
/// expression as the index (`PostgresSchema.ticketText` for tickets, `body` for messages) so
/// that the planner can use it (`PostgresTextSearchQuery`).
extension PostgresSchema {
    /// The code points `CJKText.isCJK` calls CJK, as a regular-expression bracket's contents.
    static let cjkCharacterClass = [
        "\\u1100-\\u11FF", "\\u2E80-\\u2FDF", "\\u3005-\\u3007", "\\u3021-\\u3029", "\\u3031-\\u3035", "\\u3038-\\u303C",
        "\\u3040-\\u30FF", "\\u3100-\\u312F", "\\u3130-\\u318F", "\\u31A0-\\u31BF", "\\u31F0-\\u31FF",
        "\\u3400-\\u4DBF", "\\u4E00-\\u9FFF", "\\uA960-\\uA97F", "\\uAC00-\\uD7FF", "\\uF900-\\uFAFF",
        "\\uFF66-\\uFFDC", "\\U0001B000-\\U0001B16F", "\\U00020000-\\U0003134F",
    ].joined()

    static let cjkGramsStep = PostgresMigrationStep(name: "pg7-cjk-grams", sql: """
        -- Cheap (one regular expression), so rows without CJK text cost the index nothing more.
        CREATE FUNCTION deskterm_has_cjk(body text) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT body ~ '[\(cjkCharacterClass)]' $$;

        -- Every CJK character and every pair of CJK characters side by side. Everything else
        -- becomes a space, so pairs never span a word of another script.
        CREATE FUNCTION deskterm_cjk_grams(body text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
            previous text := ' ';
            grams text[] := '{}';
            symbol text;
        BEGIN
            FOREACH symbol IN ARRAY string_to_array(regexp_replace(body, '[^\(cjkCharacterClass)]+', ' ', 'g'), NULL) LOOP
                IF symbol <> ' ' THEN
                    grams := grams || symbol;
                    IF previous <> ' ' THEN grams := grams || (previous || symbol); END IF;
                END IF;
                previous := symbol;
            END LOOP;
            RETURN grams;
        END $$;

        -- What a text holding `word` certainly holds: the pairs of each run of CJK characters
        -- of the word, or the character of a run of one.
        CREATE FUNCTION deskterm_cjk_word_grams(word text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
            previous text := ' ';
            run_length integer := 0;
            grams text[] := '{}';
            symbol text;
        BEGIN
            FOREACH symbol IN ARRAY string_to_array(regexp_replace(word, '[^\(cjkCharacterClass)]+', ' ', 'g') || ' ', NULL) LOOP
                IF symbol <> ' ' THEN
                    run_length := run_length + 1;
                    IF previous <> ' ' THEN grams := grams || (previous || symbol); END IF;
                ELSIF run_length = 1 THEN
                    grams := grams || previous;
                    run_length := 0;
                ELSE
                    run_length := 0;
                END IF;
                previous := symbol;
            END LOOP;
            RETURN grams;
        END $$;

        DROP INDEX ticket_text_trigrams;
        DROP INDEX message_body_trigrams;
        CREATE INDEX ticket_cjk_grams ON ticket USING gin (deskterm_cjk_grams(subject || ' ' || description))
            WHERE deskterm_has_cjk(subject || ' ' || description);
        CREATE INDEX message_cjk_grams ON message USING gin (deskterm_cjk_grams(body))
            WHERE deskterm_has_cjk(body);
        """)
}
