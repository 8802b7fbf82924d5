@testable import Ingest
import Model

/// One kept attendance row, its parsed values (spec 2, 2.3, 3 Participation, 7).
struct ReferenceAttendanceRow: Hashable {
    var project: String
    var date: DayDate
    /// An empty cell beside a person_id is 1, the same parsed value as a written `1` (the spec is
    /// silent on whether the two rows repeat each other; the product says they do).
    var participants: Int64
    var eventID: String
    var title: String
    var eventType: String
    var municipality: Int?
    /// The `region` column's region (display name), also when a municipality decides the region.
    var regionColumn: String?
    var role: String
    /// Spec 8.4: `unspecified` when empty, like role.
    var sector: String
    /// nil when empty.
    var person: String?
    /// The region the row counts under: its municipality's, else its region column's.
    var region: String

    /// (project, event_id), or (project, date, title) without an event_id.
    var event: [String] { eventID.isEmpty ? [project, "", date.iso, title] : [project, eventID] }
}

enum ReferenceAttendance {
    /// Reads every attendance file; rows with any error are rejected whole, then repeats of an
    /// earlier kept row (every known column equal as parsed values, across all files) are
    /// `duplicate_row`.
    static func read(_ tables: [ReferenceTable], catalog: ReferenceCatalog,
                     rejections: inout [ReferenceRejection]) -> [ReferenceAttendanceRow] {
        let geography = catalog.geography
        var kept: [ReferenceAttendanceRow] = []
        var seen = Set<ReferenceAttendanceRow>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                let project = catalog.projectReference(row, &problems)

                let dateText = row.text("date")
                let date = ReferenceCatalog.date(dateText)
                if date == nil {
                    problems.append(dateText.isEmpty ? row.reject("date", .missingValue, referenceMessages.missingValue("date"))
                                                     : row.reject("date", .invalidDate, referenceMessages.invalidDate(dateText)))
                }

                let person = row.text("person_id")
                let participantsText = row.text("participants")
                var participants: Int64?
                if participantsText.isEmpty {
                    if !person.isEmpty { participants = 1 }
                    else {
                        // Reported on participants; a file without that column has person_id (else
                        // fatal), and the product then points at the person_id cell.
                        let at = row.table.has("participants") ? "participants" : "person_id"
                        var r = row.reject(at, .missingValue, referenceMessages.missingParticipants())
                        r.column = "participants"
                        problems.append(r)
                    }
                } else {
                    participants = Counts.parseCount(participantsText)
                    if participants == nil {
                        problems.append(row.reject("participants", .invalidNumber, referenceMessages.invalidCount(participantsText)))
                    }
                }

                let municipalityText = row.text("municipality")
                var code: Int?
                if !municipalityText.isEmpty {
                    switch geography.geography.resolveMunicipality(municipalityText) {
                    case let .found(m): code = m.code
                    case let .unknown(suggestion):
                        problems.append(row.reject("municipality", .unknownMunicipality,
                                                   referenceMessages.unknownMunicipality(municipalityText, suggestion: suggestion)))
                    }
                }
                let regionText = row.text("region")
                var regionColumn: String?
                if !regionText.isEmpty {
                    switch geography.geography.resolveRegion(regionText) {
                    case let .found(index): regionColumn = geography.geography.regions[index].name
                    case let .unknown(suggestion):
                        problems.append(row.reject("region", .unknownRegion, referenceMessages.unknownRegion(regionText, suggestion: suggestion)))
                    }
                }
                if municipalityText.isEmpty && regionText.isEmpty {
                    let at = row.table.has("municipality") ? "municipality" : "region"
                    var r = row.reject(at, .missingValue, referenceMessages.missingPlace())
                    r.column = "municipality"
                    problems.append(r)
                }

                guard problems.isEmpty, let project, let date, let participants else { rejections += problems; continue }
                let region = code.flatMap(geography.regionName(ofCode:)) ?? regionColumn!
                let role = TextKey.label(row.text("role"))
                let sector = TextKey.label(row.text("sector"))
                let parsed = ReferenceAttendanceRow(
                    project: project, date: date, participants: participants, eventID: row.text("event_id"),
                    title: row.text("title"), eventType: TextKey.label(row.text("event_type")), municipality: code,
                    regionColumn: regionColumn, role: role.isEmpty ? "unspecified" : role, sector: sector.isEmpty ? "unspecified" : sector,
                    person: person.isEmpty ? nil : person, region: region)
                if seen.insert(parsed).inserted { kept.append(parsed) }
                else { rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow())) }
            }
        }
        return kept
    }
}
