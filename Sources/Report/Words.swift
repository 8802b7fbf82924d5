/// The words of summary.txt in each language.
struct Words: Sendable {
    let title, populationYear, area, administrator, period: String
    let financing, planned, actual, grant, municipal, other, total, amount, share: String
    let grantCheck: @Sendable (String, String) -> String
    let ok, overLimit, noTotal, headroom, exceededBy: String
    let municipalShares, municipality, keyValue, keyShare, expected, paid, owed, notMember: String
    let participation, region, term, events, participants, persons, spring, autumn, all: String
    let coverage, regions, municipalities, children, per1000, grantPerChild, outsideArea: String
    let progress, indicator, target, achieved, met, notMet, noData: String
    let rejected, rejectedNone, rejectedSeeFile, reason, rows: String
    let noData2: String

    static func of(_ language: Language) -> Words {
        switch language {
        case .fi: return fi
        case .sv: return sv
        case .en: return en
        }
    }

    static let en = Words(
        title: "grantstats summary", populationYear: "population year", area: "Area", administrator: "Administrator", period: "Period",
        financing: "Financing", planned: "planned", actual: "actual", grant: "State grant", municipal: "Municipal share",
        other: "Other funding", total: "Total", amount: "amount", share: "share",
        grantCheck: { share, max in "State grant share \(share) — at most \(max):" },
        ok: "within the limit", overLimit: "OVER THE LIMIT", noTotal: "no costs to compare", headroom: "headroom", exceededBy: "exceeded by",
        municipalShares: "Municipal shares", municipality: "municipality", keyValue: "key", keyShare: "key share",
        expected: "expected", paid: "paid", owed: "difference", notMember: "(not a member)",
        participation: "Participation by region and term", region: "region", term: "term", events: "events",
        participants: "participants", persons: "persons", spring: "spring", autumn: "autumn", all: "all",
        coverage: "Coverage", regions: "Regions", municipalities: "Municipalities", children: "Children 0–17",
        per1000: "Participants per 1000 children covered", grantPerChild: "Planned grant per child covered",
        outsideArea: "members outside the area",
        progress: "Progress against targets", indicator: "indicator", target: "target", achieved: "achieved",
        met: "met", notMet: "not met", noData: "no data",
        rejected: "Rejected rows", rejectedNone: "No rows were rejected.", rejectedSeeFile: "Each is listed in", reason: "reason", rows: "rows",
        noData2: "–")

    static let fi = Words(
        title: "grantstats-yhteenveto", populationYear: "väestövuosi", area: "Alue", administrator: "Hallinnoija", period: "Ajanjakso",
        financing: "Rahoitus", planned: "suunniteltu", actual: "toteutunut", grant: "Valtionavustus", municipal: "Kuntaosuus",
        other: "Muu rahoitus", total: "Yhteensä", amount: "euroa", share: "osuus",
        grantCheck: { share, max in "Valtionavustuksen osuus \(share) — enintään \(max):" },
        ok: "kunnossa", overLimit: "YLITTÄÄ ENIMMÄISMÄÄRÄN", noTotal: "ei kustannuksia", headroom: "liikkumavaraa", exceededBy: "ylitys",
        municipalShares: "Kuntien osuudet", municipality: "kunta", keyValue: "jakoperuste", keyShare: "osuus",
        expected: "laskennallinen", paid: "maksettu", owed: "erotus", notMember: "(ei jäsen)",
        participation: "Osallistuminen maakunnittain ja kausittain", region: "maakunta", term: "kausi", events: "tilaisuuksia",
        participants: "osallistujia", persons: "henkilöitä", spring: "kevät", autumn: "syksy", all: "kaikki",
        coverage: "Kattavuus", regions: "Maakunnat", municipalities: "Kunnat", children: "Lapset 0–17",
        per1000: "Osallistujia tuhatta katettua lasta kohden", grantPerChild: "Suunniteltu avustus katettua lasta kohden",
        outsideArea: "jäsentä alueen ulkopuolelta",
        progress: "Edistyminen suhteessa tavoitteisiin", indicator: "mittari", target: "tavoite", achieved: "saavutettu",
        met: "saavutettu", notMet: "ei saavutettu", noData: "ei tietoa",
        rejected: "Hylätyt rivit", rejectedNone: "Yhtään riviä ei hylätty.", rejectedSeeFile: "Jokainen on lueteltu tiedostossa", reason: "syy", rows: "rivejä",
        noData2: "–")

    static let sv = Words(
        title: "grantstats-sammandrag", populationYear: "befolkningsår", area: "Område", administrator: "Förvaltare", period: "Period",
        financing: "Finansiering", planned: "planerad", actual: "utfall", grant: "Statsunderstöd", municipal: "Kommunandel",
        other: "Annan finansiering", total: "Totalt", amount: "euro", share: "andel",
        grantCheck: { share, max in "Statsunderstödets andel \(share) — högst \(max):" },
        ok: "i sin ordning", overLimit: "ÖVERSKRIDER MAXIMIBELOPPET", noTotal: "inga kostnader", headroom: "marginal", exceededBy: "överskridning",
        municipalShares: "Kommunernas andelar", municipality: "kommun", keyValue: "fördelningsgrund", keyShare: "andel",
        expected: "beräknad", paid: "betalt", owed: "differens", notMember: "(inte medlem)",
        participation: "Deltagande per landskap och termin", region: "landskap", term: "termin", events: "tillfällen",
        participants: "deltagare", persons: "personer", spring: "vår", autumn: "höst", all: "alla",
        coverage: "Täckning", regions: "Landskap", municipalities: "Kommuner", children: "Barn 0–17",
        per1000: "Deltagare per tusen täckta barn", grantPerChild: "Planerat understöd per täckt barn",
        outsideArea: "medlemmar utanför området",
        progress: "Framsteg mot målen", indicator: "mätare", target: "mål", achieved: "uppnått",
        met: "uppnått", notMet: "inte uppnått", noData: "inga uppgifter",
        rejected: "Avvisade rader", rejectedNone: "Inga rader avvisades.", rejectedSeeFile: "Var och en finns i", reason: "orsak", rows: "rader",
        noData2: "–")
}
