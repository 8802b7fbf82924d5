// swift-tools-version:6.0
import PackageDescription

// Stages depend in one direction only: CSV → Model → Ingest → Analysis → Report → Pipeline → grantstats.
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

        // Stages.
        .target(name: "Ingest", dependencies: ["CSV", "Model"]),
        .target(name: "Analysis", dependencies: ["Model"]),
        .target(name: "Report", dependencies: ["CSV", "Model", "Analysis"]),
        .target(name: "Pipeline", dependencies: ["CSV", "Model", "Ingest", "Analysis", "Report"]),

        // The executable: arguments and exit codes only.
        .executableTarget(name: "grantstats", dependencies: ["Pipeline"]),

        // Benchmarks: input generators and single-core timing of the readers (Scripts/bench*.sh).
        .executableTarget(name: "csv-bench", dependencies: ["CSV", "Model", "Ingest"]),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "TestSupport"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Pipeline", "CSV", "Model", "Analysis", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "CSV", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "grantstats"], exclude: ["Cases"]),
    ]
)
