/// Product bugs the differential test knows about, each switched off in the generator until its fix
/// lands. The lead empties this list after merging the fixes (then every seed must agree with the
/// reference). `DIFFERENTIAL_FEATURES=all` ignores the list, to check fixes before that.
enum KnownDrift {
    static let disabled: [(feature: GeneratorFeature, bug: String)] = []

    /// The features the CI run generates: all but the known drift, unless `DIFFERENTIAL_FEATURES`
    /// says `all` or lists features (comma-separated).
    static func features(environment: [String: String]) -> Set<GeneratorFeature> {
        if let wanted = environment["DIFFERENTIAL_FEATURES"], !wanted.isEmpty {
            if wanted == "all" { return Set(GeneratorFeature.allCases) }
            return Set(wanted.split(separator: ",").compactMap { GeneratorFeature(rawValue: String($0)) })
        }
        return Set(GeneratorFeature.allCases).subtracting(disabled.map(\.feature))
    }
}
