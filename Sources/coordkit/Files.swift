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
}
