// V8 CPU profiles for the benchmarks: record one around a piece of work in this process (node:inspector's Profiler),
// save it where Chrome DevTools / speedscope open it, and summarise it as the top self-time frames.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { Profiler } from 'node:inspector'
import { SourceMap } from 'node:module'
import path from 'node:path'

/** Runs `work` with V8's sampling profiler on (this process's main thread); returns its result and the profile. */
export async function profileWhile<T>(
  work: () => Promise<T>,
  samplingIntervalUs = 500,
): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs })
    await session.post('Profiler.start')
    let result: T
    try {
      result = await work()
    } catch (error) {
      await session.post('Profiler.stop') // so the profiler does not run on
      throw error
    }
    const { profile } = await session.post('Profiler.stop')
    return { result, profile }
  } finally {
    session.disconnect()
  }
}

/** Writes the profile as `<dir>/<name>-<timestamp>.cpuprofile`; returns the file's path. */
export function saveProfile(profile: Profiler.Profile, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  return file
}

/**
 * The profile with each frame of a compiled file that has a source map beside it (`x.js.map`, as `pnpm build` writes)
 * moved to its source: file, line and column of the TypeScript it was compiled from (so the top frames of a compiled
 * BFF's profile name `bff/src/…:line`).
 */
export function sourceMapped(profile: Profiler.Profile): Profiler.Profile {
  const maps = new Map<string, { map: SourceMap; dir: string } | undefined>()
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`
      maps.set(
        file,
        existsSync(mapFile)
          ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as never), dir: path.dirname(file) }
          : undefined,
      )
    }
    return maps.get(file)
  }
  const nodes = profile.nodes.map((node) => {
    const { url, lineNumber, columnNumber } = node.callFrame
    const file = url.replace(/^file:\/\//, '')
    if (!file.endsWith('.js') || lineNumber < 0) return node
    const found = mapOf(file)
    const entry = found?.map.findEntry(lineNumber, columnNumber) as
      { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined
    if (!found || !entry?.originalSource) return node
    const source = path.resolve(found.dir, entry.originalSource)
    const callFrame = {
      ...node.callFrame,
      url: `file://${source}`,
      lineNumber: entry.originalLine!,
      columnNumber: entry.originalColumn!,
    }
    return { ...node, callFrame }
  })
  return { ...profile, nodes }
}

/** The profile without its idle samples: shares then say where the busy time went, however loaded the server was. */
export function busyOnly(profile: Profiler.Profile): Profiler.Profile {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id))
  return { ...profile, samples: (profile.samples ?? []).filter((id) => !idle.has(id)) }
}

export interface Frame {
  functionName: string
  /**
   * file:line (1-based), relative to `root` when under it; '' for V8's own and native entries ((idle), (garbage
   * collector), a native addon's function). Files run through tsx carry the generated line, not the source's.
   */
  location: string
  samples: number
  percent: number
}

/**
 * The frames with the most self time: samples whose top of stack is the frame, merged over every call path to the same
 * function (name, file, line), as a share of all samples (idle and GC included, so the shares add up to 100 %).
 */
export function topSelfFrames(profile: Profiler.Profile, n = 15, root = ''): Frame[] {
  const byNode = new Map<number, Profiler.ProfileNode>(profile.nodes.map((node) => [node.id, node]))
  const counts = new Map<number, number>()
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
  const total = profile.samples?.length ?? 0
  const merged = new Map<string, Frame>()
  for (const [id, samples] of counts) {
    const { callFrame } = byNode.get(id)!
    let file = callFrame.url.replace(/^file:\/\//, '')
    if (root && file.startsWith(root)) file = path.relative(root, file)
    const location = file ? `${file}:${callFrame.lineNumber + 1}` : ''
    const functionName = callFrame.functionName || '(anonymous)'
    const key = `${functionName}\u0000${location}`
    const frame = merged.get(key) ?? { functionName, location, samples: 0, percent: 0 }
    frame.samples += samples
    merged.set(key, frame)
  }
  return [...merged.values()]
    .map((f) => ({ ...f, percent: total === 0 ? 0 : (100 * f.samples) / total }))
    .sort((a, b) => b.samples - a.samples)
    .slice(0, n)
}

/** The top frames as printable lines: share of samples, function, file:line. */
export function formatFrames(frames: Frame[]): string[] {
  return frames.map(
    (f) => `  ${f.percent.toFixed(1).padStart(5)} %  ${f.functionName.slice(0, 40).padEnd(40)} ${f.location || '(V8)'}`,
  )
}

/**
 * Samples by who spent them: each sample goes to the first frame on its stack, from the top, that belongs to a package
 * (node_modules/<name>) or to a file of this repository (its path), so native and V8 frames (a SQLite get, a socket
 * write) count for the package that called them; a stack of node's own frames only is named by its top function.
 * Shares of all samples given (pass busyOnly(profile) for the busy time).
 */
export function samplesByPackage(
  profile: Profiler.Profile,
  root: string,
  n = 12,
): { owner: string; percent: number }[] {
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const ownerOf = (url: string): string | undefined => {
    const file = url.replace(/^file:\/\//, '')
    const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)
    if (pkg) return pkg[1]
    return file.startsWith(root) ? path.relative(root, file) : undefined
  }
  const counts = new Map<string, number>()
  const samples = profile.samples ?? []
  for (const id of samples) {
    let owner: string | undefined
    for (let at: number | undefined = id; at !== undefined && !owner; at = parent.get(at))
      owner = ownerOf(byId.get(at)!.callFrame.url)
    owner ??= `(node) ${byId.get(id)!.callFrame.functionName || '(anonymous)'}`
    counts.set(owner, (counts.get(owner) ?? 0) + 1)
  }
  return [...counts]
    .map(([owner, count]) => ({ owner, percent: samples.length === 0 ? 0 : (100 * count) / samples.length }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, n)
}
