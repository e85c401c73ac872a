import Foundation
import Synchronization

/// Wall and CPU time of each phase of a build, noted only when switched on (`guong` does when the environment
/// has `GUONG_TIMINGS=1`; docs/performance.md). A developer's measuring aid, not a user-facing report: off, a
/// phase costs one atomic load. Phases may nest; CPU time is the whole process's, every thread's.
package enum PhaseTimings {
    package struct Phase: Sendable {
        package var name: String
        package var depth: Int
        package var wall: Double
        package var cpu: Double
    }

    private static let enabled = Atomic<Bool>(false)
    private static let state = Mutex<(depth: Int, phases: [Phase])>((0, []))

    package static func enable() { enabled.store(true, ordering: .relaxed) }

    /// Runs `body`, noting its time under `name` when timings are on.
    package static func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled.load(ordering: .relaxed) else { return try body() }
        let index = state.withLock { state in
            state.phases.append(Phase(name: name, depth: state.depth, wall: 0, cpu: 0))
            state.depth += 1
            return state.phases.count - 1
        }
        let (wall, cpu) = (now(), cpuSeconds())
        defer {
            let (wallSpent, cpuSpent) = (now() - wall, cpuSeconds() - cpu)
            state.withLock { state in
                state.depth -= 1
                state.phases[index].wall = wallSpent
                state.phases[index].cpu = cpuSpent
            }
        }
        return try body()
    }

    /// The phases noted so far, in the order they began.
    package static var phases: [Phase] { state.withLock { $0.phases } }

    /// One line a phase, indented by depth, in the order the phases began.
    package static func text() -> String {
        phases.map { phase in
            String(repeating: "  ", count: phase.depth) + phase.name.padding(toLength: 30 - 2 * phase.depth, withPad: " ", startingAt: 0)
                + String(format: " wall %7.3f s  cpu %7.3f s", phase.wall, phase.cpu)
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
