// The production build as the scale tests run it: compiled JavaScript (pnpm build; ./scripts/test builds it before
// jest) started with plain node, never tsx, and each process's JSON log lines awaited as events.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = path.resolve(__dirname, '../..')
export const COMPILED = {
  bff: path.join(ROOT, 'bff/dist/server.js'),
  cluster: path.join(ROOT, 'bff/dist/cluster.js'),
  departments: path.join(ROOT, 'departments/dist/main.js'),
}

export type LogLine = Record<string, unknown> & { msg?: string }

export interface CompiledProcess {
  child: ChildProcessWithoutNullStreams
  /** Resolves with the first line (from now on, or already seen) that `match` accepts; rejects if the process exits. */
  line(match: (line: LogLine) => boolean): Promise<LogLine>
  /** The process's exit: [code, signal] */
  exited: Promise<[number | null, NodeJS.Signals | null]>
  /** SIGKILL if still running, then its exit */
  kill(): Promise<void>
}

/**
 * Starts a compiled entry point with node (`--conditions=ysx-compiled`: @ysx/shared resolves to shared/dist) in its
 * package's folder, with only `env` (plus PATH and HOME). Lines of stdout that are JSON (pino) are parsed; others
 * become `{ msg: line }`.
 */
export function startCompiled(script: string, env: Record<string, string>): CompiledProcess {
  if (!existsSync(script)) throw new Error(`${script} is missing: build first (pnpm build)`)
  const child = spawn(process.execPath, ['--conditions=ysx-compiled', '--enable-source-maps', script], {
    cwd: path.resolve(path.dirname(script), '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const seen: LogLine[] = []
  const waiting: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = []
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: LogLine
    try {
      line = JSON.parse(text) as LogLine
    } catch {
      line = { msg: text }
    }
    seen.push(line)
    for (const w of [...waiting])
      if (w.match(line)) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve(line)
      }
  })
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  return {
    child,
    exited,
    line(match) {
      const found = seen.find(match)
      if (found) return Promise.resolve(found)
      return new Promise<LogLine>((resolve, reject) => {
        waiting.push({ match, resolve })
        void exited.then(([code, signal]) =>
          reject(new Error(`${path.basename(script)} exited (${code ?? signal}) first: ${stderr.slice(-2000)}`)),
        )
      })
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** A Fastify "Server listening at <url>" line's address */
export const listeningAt = (line: LogLine) => /Server listening at (http:\/\/\S+)/.exec(line.msg ?? '')?.[1]
