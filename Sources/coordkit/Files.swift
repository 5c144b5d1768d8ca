import CoordinationCSV
import Foundation

/// Reading input files for the commands, with errors that name the file.
enum InputFile {
    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("cannot read '\(path)': no such file or not readable")
        }
        return [UInt8](data)
    }

    static func text(_ path: String) throws -> String {
        let raw = try bytes(path)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw RunError("'\(path)' is not UTF-8 text")
        }
        return text
    }

    /// A CSV export's text: UTF-8, or Windows-1252 (Excel's French CSV) when the bytes are not
    /// UTF-8 or `encoding` says so; the choice is said on standard error.
    static func csvText(_ path: String, encoding: String?) throws -> String {
        var forced: CSVEncoding?
        if let encoding {
            guard let known = CSVEncoding(rawValue: encoding.lowercased()) else {
                throw UsageError("--encoding: '\(encoding)' is not utf-8 or windows-1252")
            }
            forced = known
        }
        let decoded: (text: String, encoding: CSVEncoding)
        do { decoded = try CSVEncoding.decode(try bytes(path), as: forced) } catch let error as CSVError {
            throw RunError("\(path): \(error.description)")
        }
        if forced == nil, decoded.encoding == .windows1252 {
            printError("note: \(path) is not UTF-8: read as Windows-1252 (Excel's French CSV); --encoding utf-8 refuses it instead")
        }
        return decoded.text
    }
}
