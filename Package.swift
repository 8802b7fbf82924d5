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
        // Leaves: bytes, values, and the xlsx container.
        .target(name: "CSV"),
        // SHA-256 rounds with the x86 SHA extensions, for the manifest's input checksums (C for its
        // compiler intrinsics, which Swift has no spelling for; toolchain only, no library).
        .target(name: "SHAExtensions"),
        .target(name: "Model", dependencies: ["SHAExtensions"]),
        .target(name: "Workbook"),

        // Stages.
        .target(name: "Ingest", dependencies: ["CSV", "Model"]),
        .target(name: "Analysis", dependencies: ["Model"]),
        // Which counts are hidden, decided once over the figures; every renderer only prints the mark.
        .target(name: "Disclosure", dependencies: ["Model", "Analysis"]),
        .target(name: "Report", dependencies: ["CSV", "Model", "Analysis", "Disclosure", "Workbook"]),
        .target(name: "Pipeline", dependencies: ["CSV", "Model", "Ingest", "Analysis", "Disclosure", "Report", "Workbook"]),

        // The executable: arguments and exit codes only.
        .executableTarget(name: "grantstats", dependencies: ["Pipeline"]),

        // Benchmarks: input generators and single-core timing of the readers (Scripts/bench*.sh).
        .executableTarget(name: "csv-bench", dependencies: ["CSV", "Model", "Ingest"]),

        // Tests.
        .target(name: "TestSupport", dependencies: ["CSV"], path: "Tests/TestSupport"),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "TestSupport"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "Analysis", "Model"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Pipeline", "CSV", "Model", "Analysis", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "CSV", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "grantstats"], exclude: ["Cases"]),
        // A plain reference implementation and a seeded input generator, compared with the binary.
        .testTarget(name: "DifferentialTests", dependencies: ["CSV", "Model", "Ingest", "TestSupport", "grantstats"]),
    ]
)
