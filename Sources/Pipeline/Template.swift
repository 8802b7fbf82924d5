import CSV
import Model
import Report

/// `grantstats template`: empty input files with headers, in Finnish (as Finnish Excel saves them:
/// `;`, BOM) or English.
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

    public static func write(to directory: String, language: Language) throws(Failure) -> [String] {
        try AtomicOutputs.makeDirectory(directory)
        var written: [String] = []
        for kind in InputKind.allCases {
            let names = kind.columns.map { column in
                guard language == .fi else { return column }
                return (kind == .population ? finnishPopulation[column] : finnish[column]) ?? column
            }
            let writer = CSVWriter(dialect: language == .fi ? .excelFi : .csv, header: names)
            let path = directory + "/" + kind.rawValue + ".csv"
            try AtomicOutputs.write(Array(writer.text.utf8), to: path)
            written.append(path)
        }
        return written
    }
}
