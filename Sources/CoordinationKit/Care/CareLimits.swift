/// The size limits of what a care record holds, one per kind of text, so that whatever the
/// library accepts it can also read back (docs/CARE.md, "Limits").
public enum CareLimits {
    /// Free text (descriptions, notes, reasons, summaries): at most 4,000 bytes of UTF-8.
    public static let text = 4_000
    /// Identifiers (case, need, goal, intervention, structure): 1 to 64 bytes.
    public static let identifier = 64
    /// Names (people, performers, providers, frequencies): at most 200 bytes.
    public static let name = 200
    /// A case document, as written by the library and read back: at most 1 GiB (about 250,000
    /// events of maximal notes).
    public static let document = 1 << 30
}
