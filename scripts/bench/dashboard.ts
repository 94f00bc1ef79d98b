// Benchmark: the home dashboard against the stand-in departments, as ratios to baselines measured in the same run.
//  A. every department at 50 ms latency: dashboard p50 ÷ the slowest single department call's p50 (target ≤ 1.2)
//  B. one department hung: dashboard p99 ÷ the dashboard budget (target ≤ 1.1)
import { person } from '@ysx/departments/harness'
import { DEPARTMENT_CODES, POPULATION_DEPARTMENT_CODES } from '@ysx/shared'
import { CALLER, measure, percentile, probePath, realNameUser, setFaults, startBff, startDepartments } from './lib'

const LATENCY_MS = 50
const BUDGET_MS = 2500
const N = Number(process.env.BENCH_N ?? 200)
const CONCURRENCY = 4
const SEED = 20_261_123
const CLEAR = { latencyMs: 0, errorRate: 0, hang: false, malformed: false, reset: false }

async function main() {
  const { urls, stop } = await startDepartments(5100, 1000)
  const { app, url: bff } = await startBff(urls, {
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
    // No cache (every dashboard reaches every department) and no breaker tripping during the run.
    departments: { timeoutMs: 2000, dashboardBudgetMs: BUDGET_MS, cacheTtlMs: 0, breakerThreshold: 1_000_000 },
  })
  try {
    const token = await realNameUser(bff, urls.wechat, 'bench', person(SEED, 1))
    const dashboard = () =>
      fetch(`${bff}/v1/dashboard`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer())
    await measure(20, CONCURRENCY, dashboard) // warm-up: connections

    for (const d of DEPARTMENT_CODES) await setFaults(urls[d], { ...CLEAR, latencyMs: LATENCY_MS })
    await measure(N / 2, CONCURRENCY, dashboard) // warm-up at the measured load: JIT, pools at their steady size
    const who = person(SEED, 1)
    let slowest = 0
    for (const d of POPULATION_DEPARTMENT_CODES) {
      const path = probePath(d)
      const direct = await measure(Math.max(20, N / 5), CONCURRENCY, () =>
        CALLER.fetch(`${urls[d]}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/bench', 'x-purpose': 'bench' },
          body: JSON.stringify({ idNumber: who.idNumber }),
        }).then((r) => r.arrayBuffer()),
      )
      slowest = Math.max(slowest, percentile(direct, 50))
    }
    const a = await measure(N, CONCURRENCY, dashboard)
    const p50 = percentile(a, 50)

    for (const d of DEPARTMENT_CODES) await setFaults(urls[d], CLEAR)
    await setFaults(urls.yibao, { ...CLEAR, hang: true })
    const b = await measure(Math.max(20, N / 4), 10, dashboard)
    const p99 = percentile(b, 99)
    await setFaults(urls.yibao, CLEAR)

    console.log(`dashboard benchmark (${N} requests, concurrency ${CONCURRENCY}, departments at ${LATENCY_MS} ms)`)
    console.log(
      `  A. slowest department p50 ${slowest.toFixed(1)} ms · dashboard p50 ${p50.toFixed(1)} ms · ratio ${(p50 / slowest).toFixed(2)} (target ≤ 1.2)`,
    )
    console.log(
      `  B. 医保 hung · budget ${BUDGET_MS} ms · dashboard p99 ${p99.toFixed(1)} ms · ratio ${(p99 / BUDGET_MS).toFixed(2)} (target ≤ 1.1)`,
    )
  } finally {
    await app.close()
    stop()
  }
}

void main()
