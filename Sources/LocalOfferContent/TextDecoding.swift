import Foundation
import LocalOfferDiagnostics

/// Turns a file's bytes into text. Content must be UTF-8 (a byte-order mark is allowed and so are
/// Windows line endings); when it is not, the error says where: the line, the column and the byte
/// offset of the first byte that is not UTF-8, and which encoding the file was probably saved in.
///
/// ```swift
/// let text = try TextDecoding.decode(data, path: "content/services/portage.md").get()
/// ```
public enum TextDecoding {
    public static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(normalized(text))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(
                .unreadableFile, "the file is UTF-16 text, not UTF-8", at: SourceLocation(path: path),
                hint: "save the file with UTF-8 encoding (in Notepad: Save as, Encoding: UTF-8)"
            ))
        }
        guard let invalid = firstInvalidByte(in: bytes) else {
            return .failure(.error(.unreadableFile, "the file is not UTF-8 text", at: SourceLocation(path: path),
                                   hint: "save the file with UTF-8 encoding"))
        }
        let byte = bytes[invalid.offset]
        let others = invalidByteCount(in: bytes, from: invalid.offset) - 1
        let more = others > 0 ? " (and \(others) more invalid byte\(others == 1 ? "" : "s") after it)" : ""
        return .failure(.error(
            .unreadableFile,
            "the file is not UTF-8 text: byte 0x\(hex(byte)) at byte offset \(invalid.offset) is not valid UTF-8\(more)",
            at: SourceLocation(path: path, line: invalid.line, column: invalid.column),
            hint: hint(for: byte)
        ))
    }

    /// Editors do not show the byte-order mark, so columns on the first line are counted without it.
    /// Every line ending becomes "\n": Windows' "\r\n" and the old Mac "\r" alone, which cmark-gfm,
    /// libyaml and editors all count as a new line, so that every stage numbers lines alike.
    /// (A lone "\r" once made Markdown errors point 20 lines past the end of the file. Found by fuzzing.)
    static func normalized(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        guard scalars.contains("\r") else { return String(scalars) }
        var result = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in scalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasReturn = true
                continue
            }
            if scalar == "\n", previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = false
            result.append(scalar)
        }
        return String(result)
    }

    /// The first byte that does not begin a valid UTF-8 sequence, with its 1-based line and column
    /// (the column counts characters before it, as an editor does, invalid bytes as one each).
    static func firstInvalidByte(in bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        var afterReturn = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let byte = encoded.count == 1 ? encoded.first : nil
                if byte == UInt8(ascii: "\n"), afterReturn {
                    // The "\n" of a "\r\n": the line was counted at the "\r".
                } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                afterReturn = byte == UInt8(ascii: "\r")
                offset += encoded.count
            case .error:
                return (offset, line, column)
            case .emptyInput:
                return nil
            }
        }
    }

    private static func invalidByteCount(in bytes: [UInt8], from start: Int) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var count = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error(let length): count += length
            case .emptyInput: return count
            }
        }
    }

    /// A single byte from 0x80 up is almost always a Windows-1252 ("ANSI") or Latin-1 character:
    /// naming it tells the editor which setting to change.
    private static func hint(for byte: UInt8) -> String {
        let save = "save the file with UTF-8 encoding (in Word or Excel: 'Save as', then 'UTF-8')"
        guard byte >= 0x80, let character = windows1252(byte) else { return save }
        return "byte 0x\(hex(byte)) is '\(character)' in Windows-1252, so the file was probably saved as 'ANSI' or 'Western European'; \(save)"
    }

    private static func windows1252(_ byte: UInt8) -> String? {
        guard let text = String(data: Data([byte]), encoding: .windowsCP1252), let scalar = text.unicodeScalars.first,
              !scalar.properties.generalCategory.isControl else { return nil }
        return text
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool {
        switch self {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }
}
