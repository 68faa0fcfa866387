import DeskModel

extension PostgresSchema {
    /// Call-back events leave the word and CJK indexes (SQLite's `v20-callback-search`): their
    /// text was the requester's window and zone, which let a colleague's search find the ticket
    /// by a request they may not know of. They are now stored without text
    /// (`SystemEvent.recordText`); the generated `search_words` and `body_length` follow the
    /// emptied body, and the partial CJK index drops the rows.
    static let callbackSearchStep = PostgresMigrationStep(name: "pg14-callback-search", sql: """
        UPDATE message SET body = ''
        WHERE kind = 'systemEvent' AND body <> '' AND event LIKE '\(SystemEvent.callbackPayloadPattern)';
        """)
}
