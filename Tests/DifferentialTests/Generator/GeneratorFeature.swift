/// Parts of the generated inputs that can be switched off, so that a known product bug does not
/// hide every other difference (see KnownDrift).
enum GeneratorFeature: String, CaseIterable, Sendable {
    /// Rows of projects, members, budget, targets and population repeated in another file of the kind.
    case crossFileRepeats
    /// A project row repeated with its area spelled differently (`Itä-Suomi` / `ITA-SUOMI` / `KYS`).
    case projectSpellingRepeats
    /// Empty `event_type` cells (in files that also have `role`).
    case emptyEventTypes
    /// `MK11`, `KYS` and `Itä-Suomi (KYS)` as area parts when a population file is given.
    case areaFormsWithPopulationFile
    /// An `events:` target (empty type).
    case emptyTypeTargets
    /// Dates whose year is outside 1990–2100 (`1.3.0202`).
    case outOfRangeDateYears
    /// Amounts grouped without decimals (`1.234.567`, `1,234,567`).
    case groupedAmounts
    /// Attendance files without a `title` column, and empty titles.
    case absentOrEmptyTitles
    /// Counts that overflow a sum (fatal 65).
    case overflowingCounts
    /// A fatal input now and then: missing budget, duplicated or missing column, empty file.
    case fatalInputs
    /// Projects run by wellbeing services counties: county members, funders and areas (spec 8.3).
    case countyProjects
}
