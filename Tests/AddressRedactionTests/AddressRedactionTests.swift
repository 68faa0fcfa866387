import AddressRedaction
import XCTest

/// The one redaction of addresses (the desk's and the PostgreSQL layer's).
final class AddressRedactionTests: XCTestCase {
    func testThePasswordOfTheUserInfoIsMaskedWhole() {
        for (text, shown) in [
            ("postgresql://desk_user:s3cret@db.example.com:5432/desk", "postgresql://desk_user:********@db.example.com:5432/desk"),
            ("postgres://desk_user:p%40ss@db/desk?sslmode=require", "postgres://desk_user:********@db/desk?sslmode=require"),
            ("postgresql://desk:pa/ss@w@rd@db.example.com/desk", "postgresql://desk:********@db.example.com/desk"),
            ("postgresql://:only-a-password@db/desk", "postgresql://:********@db/desk"),
            ("postgresql://desk:with space@db/desk", "postgresql://desk:********@db/desk"),
            ("mysql://root:hunter2@db.example.com/desk", "mysql://root:********@db.example.com/desk"),
            // libpq reads a password up to the `@`, `?` and `#` included (found in review).
            ("postgresql://desk:pa?ss@db/desk", "postgresql://desk:********@db/desk"),
            ("postgresql://desk:pa#ss@db.example.com:5432/desk?sslmode=require", "postgresql://desk:********@db.example.com:5432/desk?sslmode=require"),
            // Nothing to mask: no password, or an `@` only in the query.
            ("postgresql://desk@db.example.com/desk", "postgresql://desk@db.example.com/desk"),
            ("postgresql://db.example.com:5432/desk", "postgresql://db.example.com:5432/desk"),
            ("postgresql://db.example.com/desk?application_name=a:b@c", "postgresql://db.example.com/desk?application_name=a:b@c"),
        ] {
            XCTAssertEqual(AddressRedaction.redacted(text), shown, text)
        }
    }

    func testPasswordParametersAreMaskedWhateverTheirNamesCase() {
        for (text, shown) in [
            ("postgresql:///desk?host=/run/postgresql&password=s3cret&user=desk", "postgresql:///desk?host=/run/postgresql&password=********&user=desk"),
            ("postgresql://desk@db/desk?PASSWORD=s3cret", "postgresql://desk@db/desk?PASSWORD=********"),
            // libpq decodes the names of parameters too, and knows no `#` fragment.
            ("postgresql:///desk?host=/run/pg&pass%77ord=s3cret", "postgresql:///desk?host=/run/pg&pass%77ord=********"),
            ("postgresql:///desk?%70assword=s3#cret&user=desk", "postgresql:///desk?%70assword=********&user=desk"),
            ("postgresql:///desk?%50ASSWORD=s3cret", "postgresql:///desk?%50ASSWORD=********"),
            // libpq's keyword form, quoted or not, as its messages may quote it.
            ("host=/run/pg password = 'it\\'s here' dbname=desk", "host=/run/pg password = ******** dbname=desk"),
            ("host=db password=s3cret", "host=db password=********"),
            // Names that only contain the word are left alone.
            ("postgresql:///desk?passwordless=yes&old_password_hint=x", "postgresql:///desk?passwordless=yes&old_password_hint=x"),
        ] {
            XCTAssertEqual(AddressRedaction.redacted(text), shown, text)
        }
    }

    func testMessagesQuotingAnAddressAreMaskedAndTheKnownPasswordAnywhere() {
        XCTAssertEqual(
            AddressRedaction.redacted(#"invalid URI "postgresql://u:s3cret@[::1/desk": missing "]""#).contains("s3cret"), false)
        XCTAssertEqual(
            AddressRedaction.scrubbed(#"invalid input syntax for type bigint: "s3cr3t-Pa55""#, knownPassword: "s3cr3t-Pa55"),
            #"invalid input syntax for type bigint: "********""#)
        XCTAssertEqual(AddressRedaction.scrubbed("echoed p%40ss/p@ss", knownPassword: "p@ss"), "echoed ********/********")
        XCTAssertEqual(AddressRedaction.scrubbed("nothing secret", knownPassword: nil), "nothing secret")
        XCTAssertEqual(AddressRedaction.scrubbed("nothing secret", knownPassword: ""), "nothing secret")
    }
}
