// Benchmark helpers: percentiles, a bounded-concurrency load loop, and starting the stand-in departments apart.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Runs `n` calls of `once` with at most `concurrency` in flight; returns each call's duration in ms, sorted. */
export async function measure(n: number, concurrency: number, once: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1
        const started = performance.now()
        await once()
        times.push(performance.now() - started)
      }
    }),
  )
  return times.sort((a, b) => a - b)
}

export const DEPARTMENTS = ['wechat', 'gongan', 'renshe', 'yibao', 'gongjijin', 'jiaoguan', 'churujing', 'weijian', 'minzheng', 'shichang'] as const
export type Dept = (typeof DEPARTMENTS)[number]

/** Starts every stand-in in its own process (so it does not share the benchmark's event loop) on base port + i. */
export async function startDepartments(basePort: number, size: number): Promise<{ urls: Record<Dept, string>; stop: () => void }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DEPT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ysx-bench-')),
    DEPT_SIZE: String(size),
    DEPT_LOG_LEVEL: 'error',
  }
  const urls = {} as Record<Dept, string>
  DEPARTMENTS.forEach((d, i) => {
    env[`DEPT_${d.toUpperCase()}_PORT`] = String(basePort + i)
    urls[d] = `http://127.0.0.1:${basePort + i}`
  })
  const child: ChildProcess = spawn(path.join(ROOT, 'departments/node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: path.join(ROOT, 'departments'), env, stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (const d of DEPARTMENTS) {
    for (let tries = 0; ; tries += 1) {
      try {
        if ((await fetch(`${urls[d]}/healthz`)).ok) break
      } catch {
        if (tries > 600) throw new Error(`department ${d} did not start`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }
  return { urls, stop: () => child.kill('SIGTERM') }
}

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  await fetch(`${url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) })
}
