// "Once per window per key": a refusal anyone can cause at will (a forged or garbled code) is audited for the first
// time a client address causes it in a window, not every time, so a flood of junk cannot flood the audit trail.
// Per replica and in memory: a throttle on log volume, not state two replicas must share.
import { LRUCache } from 'lru-cache'

export function oncePer(windowMs: number, max = 10_000): (key: string) => boolean {
  const seen = new LRUCache<string, true>({ max, ttl: windowMs })
  return (key) => {
    if (seen.has(key)) return false
    seen.set(key, true)
    return true
  }
}
