import CoordinationCSV
import CoordinationReports
import Foundation

/// Reading input files for the commands, with errors that name the file.
enum InputFile {
    /// The file's bytes, read straight into the array (one copy from the kernel, none after).
    static func bytes(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RunError("cannot read '\(path)': no such file or not readable") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            throw RunError("cannot read '\(path)': not a file")
        }
        var bytes: [UInt8] = []
        var chunk = max(Int(truncatingIfNeeded: status.st_size) + 1, 1 << 16)
        var failed = false
        while !failed {
            let before = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                var filled = before
                while filled < buffer.count {
                    let got = read(descriptor, base + filled, buffer.count - filled)
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { failed = true; break }
                    if got == 0 { break }
                    filled += got
                }
                return filled
            }
            let full = count == bytes.count
            bytes.removeLast(bytes.count - count)
            if !full { break }
            chunk = max(chunk, 1 << 16)   // a file that grew, or a pipe: read on
        }
        guard !failed else { throw RunError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
        return bytes
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
    static func csvText(_ path: String, encoding: String?, words: Words = Words()) throws -> String {
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
            printError(words.say("note: \(path) is not UTF-8: read as Windows-1252 (Excel's French CSV); --encoding utf-8 refuses it instead",
                                 "note : \(path) n'est pas en UTF-8 : lu comme Windows-1252 (le CSV d'Excel en français) ; --encoding utf-8 le refuse"))
        }
        return decoded.text
    }
}

/// Writing output files: every byte written, whatever the size. (Foundation's
/// `FileManager.createFile` loses data past 2 GiB on Linux: `write` hands back at most
/// 0x7ffff000 bytes per call, and the rest came out misplaced; a 10^6-case sample was corrupt at
/// that offset.) The file appears whole or not at all: written beside, then renamed.
enum OutputFile {
    static func write(_ bytes: some ContiguousCollection<UInt8>, to path: String) throws {
        let temporary = path + ".part-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw RunError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        bytes.withUnsafeBufferPointerOrEmpty { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, min(buffer.count - offset, 1 << 30))
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { failure = written < 0 ? errno : EIO; return }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(failure == 0 ? errno : failure))
            unlink(temporary)
            throw RunError("cannot write '\(path)': \(reason)")
        }
    }

    static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }
}

/// A contiguous collection of bytes (arrays, `Data`), read through one buffer.
protocol ContiguousCollection<Element>: Collection {
    func withUnsafeBufferPointerOrEmpty<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R
}

extension Array: ContiguousCollection {
    func withUnsafeBufferPointerOrEmpty<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R { try withUnsafeBufferPointer(body) }
}

extension Data: ContiguousCollection {
    func withUnsafeBufferPointerOrEmpty<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
    }
}

/// `--csv FILE [--csv-dialect excel-fr|standard]`: a command's table for a spreadsheet.
enum SheetOutput {
    /// The options every command accepts for its CSV output.
    static let valued: Set<String> = ["--csv", "--csv-dialect"]

    /// The help lines of the options.
    static let help = """
          --csv FILE        also write the table for a spreadsheet to FILE ('-': standard output,
                            instead of the report)
          --csv-dialect D   excel-fr (default: ';', decimal comma, DD/MM/YYYY, UTF-8 with BOM,
                            what Excel in French opens) or standard (',', decimal point, ISO
                            dates, for pandas, R and databases)
        """

    static func dialect(_ options: ParsedOptions) throws -> CSVSheet.Dialect {
        guard let text = options.value("--csv-dialect") else { return .excelFrench }
        guard options.value("--csv") != nil || options.value("--csv-indicators") != nil else {
            throw UsageError("--csv-dialect without --csv FILE")
        }
        guard let dialect = CSVSheet.Dialect(rawValue: text.lowercased()) else {
            throw UsageError("--csv-dialect: '\(text)' is not excel-fr or standard")
        }
        return dialect
    }

    /// Whether the sheet goes to standard output (so the human report is not printed).
    static func toStandardOutput(_ options: ParsedOptions) -> Bool {
        options.value("--csv") == "-" || options.value("--csv-indicators") == "-"
    }

    /// Writes `sheet` to `path` ("-": standard output); says what was written on standard error.
    static func write(_ sheet: CSVSheet, to path: String, _ options: ParsedOptions, what: String, words: Words = Words()) throws {
        let dialect = try dialect(options)
        let bytes = sheet.bytes(dialect)
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try OutputFile.write(bytes, to: path)
        printError(words.say("wrote \(path): \(sheet.rows.count) row(s), \(what) (\(dialect.rawValue))",
                             "écrit \(path) : \(sheet.rows.count) ligne(s), \(what) (\(dialect.rawValue))"))
    }
}

/// `--report DIR`: a command's static HTML report, written as files under DIR.
enum ReportOutput {
    static let help = """
          --report DIR      write a static HTML report in French (inline SVG charts, printable on
                            A4, no network) to folder DIR: DIR/index.html and its pages, and stop
        """

    /// Writes `pages` under `folder`, creating the folders they need; says what was written.
    static func write(_ pages: [ReportPage], to folder: String) throws {
        var made: Set<String> = []
        for page in pages {
            let path = (folder as NSString).appendingPathComponent(page.path)
            let directory = (path as NSString).deletingLastPathComponent
            if !made.contains(directory) {
                do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                    throw RunError("cannot create the folder '\(directory)': \(error.localizedDescription)")
                }
                made.insert(directory)
            }
            try OutputFile.write(page.html, to: path)
        }
        print("wrote \((folder as NSString).appendingPathComponent("index.html")) and \(pages.count - 1) other page(s); open it in a browser, print it on A4")
    }
}
