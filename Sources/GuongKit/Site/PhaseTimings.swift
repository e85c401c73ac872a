import Foundation
import Synchronization

/// Wall and CPU time of each phase of a build, noted only when switched on (`guong` does when the environment
/// has `GUONG_TIMINGS=1`; docs/performance.md). A developer's measuring aid, not a user-facing report: off, a
/// phase costs one atomic load. Phases may nest or run at the same time; each is printed with when it began,
/// and its CPU time is the whole process's over its span, every thread's.
package enum PhaseTimings {
    package struct Phase: Sendable {
        package var name: String
        /// Seconds after the first phase began.
        package var start: Double
        package var wall: Double
        package var cpu: Double
    }

    private static let enabled = Atomic<Bool>(false)
    private static let state = Mutex<(origin: Double?, phases: [Phase])>((nil, []))

    package static func enable() { enabled.store(true, ordering: .relaxed) }

    /// Runs `body`, noting its time under `name` when timings are on.
    package static func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled.load(ordering: .relaxed) else { return try body() }
        let (wall, cpu) = (now(), cpuSeconds())
        let index = state.withLock { state in
            let origin = state.origin ?? wall
            state.origin = origin
            state.phases.append(Phase(name: name, start: wall - origin, wall: 0, cpu: 0))
            return state.phases.count - 1
        }
        defer {
            let (wallSpent, cpuSpent) = (now() - wall, cpuSeconds() - cpu)
            state.withLock { state in
                state.phases[index].wall = wallSpent
                state.phases[index].cpu = cpuSpent
            }
        }
        return try body()
    }

    /// The phases noted so far, in the order they began.
    package static var phases: [Phase] { state.withLock { $0.phases } }

    /// One line a phase, in the order the phases began.
    package static func text() -> String {
        phases.map { phase in
            phase.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " at %7.3f s  wall %7.3f s  cpu %7.3f s", phase.start, phase.wall, phase.cpu)
        }.joined(separator: "\n")
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
