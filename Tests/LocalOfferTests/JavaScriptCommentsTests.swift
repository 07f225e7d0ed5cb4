import LocalOfferWriters
import Testing

/// The theme's JavaScript is written without its whole-line comments; the code stays as it is.
struct JavaScriptCommentsTests {
    @Test func wholeLineCommentsAndBlankLinesGoCodeStays() {
        let source = """
        // A comment.
        /**
         * A doc comment
         */
        import { stem } from "./porter2.js";

        const url = "http://example.org/"; // kept: after code
          /* one line */
        const re = /\\/\\//g;
        /* kept */ const after = 1;

        """
        #expect(JavaScriptComments.strippingWholeLines(source) == """
        import { stem } from "./porter2.js";
        const url = "http://example.org/"; // kept: after code
        const re = /\\/\\//g;
        /* kept */ const after = 1;

        """)
    }

    @Test func aTemplateLiteralOverSeveralLinesIsKeptWhole() {
        let source = "const text = `first\n// not a comment\n\n/* nor this */`;\n// gone\n"
        #expect(JavaScriptComments.strippingWholeLines(source) == "const text = `first\n// not a comment\n\n/* nor this */`;\n")
    }
}
