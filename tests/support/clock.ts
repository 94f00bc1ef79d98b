// Jest's fake timers for Date alone: code that reads the clock (rate-limit windows, cockatiel's open interval) sees
// the time the test sets, while timers, I/O and the event loop stay real (the system under test still runs).
export function fakeDateOnly(now?: number): void {
  jest.useFakeTimers({
    ...(now === undefined ? {} : { now }),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  })
}
