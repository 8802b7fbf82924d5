import Foundation
import CSV
import Model
import Report

/// `grantstats template`: empty input files with headers, in Finnish or Swedish (as Excel in
/// Finland saves them: `;`, BOM) or English. Every header is a name the readers accept (spec 2.2).
/// It never overwrites: a filled-in file is worth more than a template (spec 8.8).
public enum Template {
    public static let defaultDirectory = "Templates"

    static let finnish: [String: String] = [
        "project_id": "hanketunnus", "name": "nimi", "area": "alue", "grant_rate_max": "avustusprosentti",
        "allocation_key": "jakoperuste", "administrator": "hallinnoija", "start": "alkaa", "end": "päättyy",
        "municipality": "kunta", "source": "rahoituslähde", "amount": "summa", "year": "vuosi", "funder": "rahoittaja",
        "kind": "laji", "date": "pvm", "participants": "osallistujat", "event_id": "tilaisuus_id", "title": "tilaisuus",
        "event_type": "tyyppi", "region": "maakunta", "role": "rooli", "sector": "sektori", "person_id": "henkilö_id",
        "indicator": "mittari", "target": "tavoite",
    ]
    static let finnishPopulation: [String: String] = [
        "municipality_code": "kuntanumero", "municipality": "kunnan_nimi", "region": "maakunta", "year": "vuosi",
        "children": "lapset_0_17", "area": "yhteistoiminta_alue", "population": "väestö",
    ]
    static let swedish: [String: String] = [
        "project_id": "projekt_id", "name": "namn", "area": "samarbetsområde", "grant_rate_max": "bidragsprocent",
        "allocation_key": "fördelningsgrund", "administrator": "förvaltare", "start": "börjar", "end": "slutar",
        "municipality": "kommun", "source": "finansieringskälla", "amount": "belopp", "year": "år", "funder": "finansiär",
        "kind": "slag", "date": "datum", "participants": "deltagare", "event_id": "tillfälle_id", "title": "tillfälle",
        "event_type": "typ", "region": "landskap", "role": "roll", "sector": "sektor",
        "indicator": "indikator", "target": "mål",
    ]
    static let swedishPopulation: [String: String] = [
        "municipality_code": "kommunkod", "municipality": "kommun", "region": "landskap", "year": "år",
        "children": "barn", "area": "samarbetsområde", "population": "befolkning",
    ]

    /// The header of `kind` in `language`; a column without a name there keeps its canonical one.
    static func header(_ kind: InputKind, _ language: Language) -> [String] {
        let names: [String: String]
        switch language {
        case .fi: names = kind == .population ? finnishPopulation : finnish
        case .sv: names = kind == .population ? swedishPopulation : swedish
        case .en: names = [:]
        }
        return kind.columns.map { names[$0] ?? $0 }
    }

    /// Writes one file per input kind; when any of them exists (a file, a folder, even a dangling
    /// link) and `force` is off, writes nothing and fails with 73 naming them.
    public static func write(to directory: String, language: Language, force: Bool = false) throws(Failure) -> [String] {
        let paths = InputKind.allCases.map { directory + "/" + $0.rawValue + ".csv" }
        let existing = paths.filter { path in
            var info = stat()
            return lstat(path, &info) == 0
        }
        if !existing.isEmpty && !force {
            throw Failure(message: "template would overwrite \(existing.joined(separator: ", ")); nothing was written "
                              + "(use --force to overwrite, or --outputs for another folder)",
                          exitCode: Failure.cannotWrite)
        }
        try AtomicOutputs.makeDirectory(directory)
        for (kind, path) in zip(InputKind.allCases, paths) {
            let writer = CSVWriter(dialect: language == .en ? .csv : .excelFi, header: header(kind, language))
            try AtomicOutputs.write(Array(writer.text.utf8), to: path)
        }
        return paths
    }
}
