// Whole seconds left until an instant the BFF set, on the BFF's clock, ticking once a second; null without an instant.
import { useEffect, useState } from 'react'
import { serverNow } from '../services/client'

const secondsUntil = (at: string, now: number) => Math.max(0, Math.ceil((Date.parse(at) - now) / 1000))

export function useCountdown(until: string | null, clock: () => number = serverNow): number | null {
  const [now, setNow] = useState(clock)
  useEffect(() => {
    if (!until) return undefined
    setNow(clock())
    const timer = setInterval(() => setNow(clock()), 1000)
    return () => clearInterval(timer)
  }, [until, clock])
  return until ? secondsUntil(until, now) : null
}
