// swift-tools-version:6.0
import PackageDescription

// Stages depend in one direction only: CSV → Model → Ingest → Analysis → Disclosure → Report → Pipeline → grantstats.
let package = Package(
    name: "grantstats",
    products: [
        .executable(name: "grantstats", targets: ["grantstats"]),
    ],
    dependencies: [],
    targets: [
        // Leaves: bytes and values.
        .target(name: "CSV"),
        .target(name: "Model"),
        // SHA-256 rounds with the x86 SHA extensions, for the manifest's input checksums (C for its
        // compiler intrinsics, which Swift has no spelling for; toolchain only, no library).
        .target(name: "SHAExtensions"),

        // Stages.
        .target(name: "Ingest", dependencies: ["CSV", "Model"]),
        .target(name: "Analysis", dependencies: ["Model"]),
        // Which counts are hidden, decided once over the figures; every renderer only prints the mark.
        .target(name: "Disclosure", dependencies: ["Model", "Analysis"]),
        .target(name: "Report", dependencies: ["CSV", "Model", "Analysis", "Disclosure"]),
        .target(name: "Pipeline", dependencies: ["CSV", "Model", "Ingest", "Analysis", "Disclosure", "Report", "SHAExtensions"]),

        // The executable: arguments and exit codes only.
        .executableTarget(name: "grantstats", dependencies: ["Pipeline"]),

        // Benchmarks: input generators and single-core timing of the readers (Scripts/bench*.sh).
        .executableTarget(name: "csv-bench", dependencies: ["CSV", "Model", "Ingest", "Pipeline"]),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "TestSupport"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "Analysis", "Model"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Pipeline", "CSV", "Model", "Analysis", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "grantstats"], exclude: ["Cases"]),
    ]
)
