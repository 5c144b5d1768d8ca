#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs independent pieces of work on every core, without Foundation or Dispatch: one POSIX
/// thread per core (at most one per piece), each taking the next index until none is left.
package enum ParallelWork {
    /// Calls `body(i)` once for each `i` in `0..<count`, in parallel; returns when all are done.
    /// Runs serially when threads cannot be started.
    package static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        let cores = max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)  // trap-free: a small positive count of cores
        let shared = Shared(count: count, body: body)
        var threads: [pthread_t] = []
        for _ in 0..<min(cores, count) - 1 {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(shared).toOpaque()
            if pthread_create(&thread, nil, { context in
                let shared = Unmanaged<Shared>.fromOpaque(context!).takeRetainedValue()  // trap-free: the pointer passed to pthread_create
                shared.work()
                return nil
            }, context) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<Shared>.fromOpaque(context).release()
            }
        }
        shared.work()
        for thread in threads { pthread_join(thread, nil) }
    }

    final class Shared: Sendable {
        let next = Atomic<Int>(0)
        let count: Int
        let body: @Sendable (Int) -> Void

        init(count: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.body = body
        }

        func work() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }
}
