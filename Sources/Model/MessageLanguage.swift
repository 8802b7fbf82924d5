/// The languages a run speaks (spec 8.8). Here, below Ingest, so the readers can word their row
/// messages without depending on Report, which adds the number and date conventions.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case fi, sv, en
}
