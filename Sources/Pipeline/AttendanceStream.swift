import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Analysis
import Ingest
import Model

/// Reads attendance on one core while the other removes duplicates and counts: batches pass
/// through a small bounded queue in file order, so the outputs do not depend on timing.
final class AttendanceStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [AttendanceBatch] = []
    private var finished = false
    private var cancelled = false
    private var failure: InputError?
    private static let depth = 4

    struct Outcome {
        var reader: AttendanceReader
        var participation = ParticipationAccumulator.Result()
        var duplicates: [Rejection] = []
        /// 0 when everything was counted in memory.
        var partitions = 0
    }

    /// Counts the attendance files: in memory when their counts fit `budget` bytes, otherwise
    /// partitioned through temporary files in `temporaryDirectory` (spec 8.9). Both give the same
    /// figures and rejections (`PartitionedCountTests`).
    static func run(catalog: Catalog, language: MessageLanguage, headers: [HeaderMap], budget: Int, temporaryDirectory: String,
                    progress: (@Sendable (String, Int, Int) -> Void)?) throws(Failure) -> Outcome {
        let sizes = headers.map { (try? FileManager.default.attributesOfItem(atPath: $0.file.path)[.size] as? Int) ?? 0 }
        let totalBytes = sizes.reduce(0, +)
        // What counting keeps is well under half the input's bytes on real exports (about 0.3):
        // an input within twice the budget is tried in memory, and partitioned if it passes it after all.
        if totalBytes / 2 <= budget,
           let outcome = try count(AttendanceReader(catalog: catalog, language: language), headers: headers, sizes: sizes,
                                   budget: budget, partitioned: nil, progress: progress) {
            return outcome
        }
        // Partitions of an eighth of the budget: two are counted at once, and small sets stay in
        // the processor's caches. At most 256 files.
        var partitions = 2
        while partitions < 256 && totalBytes / 2 / partitions > budget / 8 { partitions *= 2 }
        let partitioned = try PartitionedCount(directory: temporaryDirectory, partitions: partitions)
        return try count(AttendanceReader(catalog: catalog, language: language, partitioned: true), headers: headers, sizes: sizes,
                         budget: budget, partitioned: partitioned, progress: progress)!
    }

    /// Runs `reader` over `headers` on a second thread and counts its batches here. In memory
    /// (`partitioned` nil), nil once the counts pass `budget`.
    private static func count(_ reader: AttendanceReader, headers: [HeaderMap], sizes: [Int], budget: Int,
                              partitioned: PartitionedCount?, progress: (@Sendable (String, Int, Int) -> Void)?) throws(Failure) -> Outcome? {
        let stream = AttendanceStream()
        let totalBytes = sizes.reduce(0, +)
        // The reader is used by the producer thread alone until `take` returns nil.
        let handoff = Handoff(reader)
        let producer = Thread {
            let reader = handoff.value
            do throws(InputError) {
                for (header, size) in zip(headers, sizes) {
                    try reader.read(header, progress: progress.map { report in { report(header.file.relativePath, $0, size) } }) { batch throws(InputError) in
                        try stream.put(batch)
                    }
                }
                stream.finish(nil)
            } catch {
                // Stopped: the consumer failed first and reports its own error.
                stream.finish(error == .stopped ? nil : error)
            }
        }
        producer.stackSize = 8 << 20
        producer.start()

        var outcome = Outcome(reader: reader)
        var accumulator = ParticipationAccumulator()
        var partitioned = partitioned
        do throws(Failure) {
            // Fingerprints of every kept row: the largest structure of a run (7 bytes a row and then some).
            var seen = UInt64Set()
            var fingerprints: [UInt64] = [], isNew: [Bool] = []
            // The set is sized from the rows per byte so far and the total input size: grown step
            // by step instead, it would need more memory and time. Sized small first (the first
            // rows may not be typical), then for the whole input once 80 % of that is used.
            var reserved = 0, sized = false, rows = 0, bytesBefore = 0, fileIndex = 0, file = headers.first?.file.relativePath
            while let batch = stream.take() {
                while batch.file != file && fileIndex + 1 < headers.count {
                    bytesBefore += sizes[fileIndex]
                    fileIndex += 1
                    file = headers[fileIndex].file.relativePath
                }
                if partitioned != nil {
                    try partitioned!.add(batch, fileIndex: Int32(fileIndex), to: &accumulator)
                    continue
                }
                rows += batch.rows.count
                if !sized && seen.count >= reserved * 4 / 5 && bytesBefore + batch.bytesRead > 0 {
                    let expected = Double(totalBytes) * Double(rows) / Double(bytesBefore + batch.bytesRead)
                    let wanted = Int(min(expected * 1.05, reserved == 0 ? Double(1 << 20) : 4e9))
                    if wanted > reserved {
                        reserved = wanted
                        seen.reserve(reserved)
                    } else {
                        sized = true
                    }
                }
                // A whole batch at a time: the sets read ahead for it, so their cache misses overlap.
                fingerprints.removeAll(keepingCapacity: true)
                fingerprints.append(contentsOf: batch.rows.lazy.map(\.fingerprint))
                isNew = [Bool](repeating: false, count: batch.rows.count)
                fingerprints.withUnsafeBufferPointer { keys in isNew.withUnsafeMutableBufferPointer { seen.insert(keys, new: $0) } }
                for i in batch.rows.indices where !isNew[i] {
                    outcome.duplicates.append(reader.duplicate(file: batch.file, line: Int(batch.lines[i])))
                }
                do throws(AnalysisError) {
                    try batch.rows.withUnsafeBufferPointer { rows throws(AnalysisError) in
                        try isNew.withUnsafeBufferPointer { keep throws(AnalysisError) in try accumulator.add(rows, keep: keep) }
                    }
                } catch { throw Failure(error) }
                // About 10 bytes a fingerprint or pair, and the reader's tables beside them.
                if (seen.count + accumulator.pairs) * 12 > budget {
                    stream.cancel()
                    return nil
                }
            }
        } catch {
            stream.cancel()
            throw error
        }
        if let failure = stream.failure { throw Failure(failure) }
        // The fingerprints are gone: hand their memory back now. Freed in pieces, most of it would
        // otherwise stay in the process, and the stages after this one would add to it.
        MemoryUse.releaseFreed()
        let noSector = reader.labelID("unspecified")
        if let partitioned {
            let counted = try partitioned.finish(&accumulator, noSector: noSector)
            outcome.participation = counted.result
            outcome.duplicates = counted.duplicates.map { reader.duplicate(file: headers[$0.file].file.relativePath, line: $0.line) }
            outcome.partitions = partitioned.partitions
            // The partitions' sets are gone too (freed on two threads, in two of malloc's arenas).
            MemoryUse.releaseFreed()
        } else {
            do throws(AnalysisError) { outcome.participation = try accumulator.finish(noSector: noSector) }
            catch { throw Failure(error) }
        }
        return outcome
    }

    private func put(_ batch: AttendanceBatch) throws(InputError) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth && !cancelled { condition.wait() }
        if cancelled { throw InputError.stopped }
        queue.append(batch)
        condition.broadcast()
    }

    private func take() -> AttendanceBatch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if queue.isEmpty { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    private func finish(_ error: InputError?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        // Wait for the producer to stop so nothing reads on after the run has failed.
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
