// The service catalogue (bff/catalogue/services.json, validated by its contract when loaded) and its search index.
// Each service is indexed once, at start, under every name it is known by: its name, its keywords, and each of those
// with a synonym swapped in (bff/catalogue/synonyms.json: 社保 ⇄ 社会保险 …), each also as pinyin syllables
// (pinyin-pro, context-aware for 多音字), so a query in Chinese, full pinyin, initials or a mix (gjj tiqu) finds it.
// Ranking (README, 服务大厅): see `score`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CatalogueSchema, type ServiceSummary, type ServiceSearchQuerySchema, hallDepartmentName } from '@ysx/shared'
import { pinyin } from 'pinyin-pro'
import { z } from '@ysx/shared/z'

const CATALOGUE_DIR = path.resolve(__dirname, '../../catalogue')

export type CatalogueEntry = z.infer<typeof CatalogueSchema>['services'][number]

/** One name a service is known by, ready to match. */
interface Alias {
  text: string
  /** Pinyin syllables of its Han characters and its letters and digits, one per character */
  syllables: string[]
  /** Where it comes from: the name ranks above a keyword, a synonym's form a little below the word itself */
  kind: 'name' | 'keyword' | 'department'
  viaSynonym: boolean
}

interface Indexed {
  entry: CatalogueEntry
  aliases: Alias[]
  summary: ServiceSummary
}

/** A search as the route's contract hands it over, without its page */
export type SearchFilter = Omit<z.output<typeof ServiceSearchQuerySchema>, 'page'>

export interface Catalogue {
  version: string
  size: number
  get(code: string): CatalogueEntry | undefined
  summary(code: string): ServiceSummary | undefined
  /** Every match of `filter`, best first (see `score`) */
  search(filter: SearchFilter): ServiceSummary[]
  /** The `n` most used services of a city (its own and the province-wide ones) */
  hot(city: string, n: number): ServiceSummary[]
}

const HAN = /\p{Script=Han}/u

/** The syllables of a text: one per Han character (its pinyin without tone), one per letter or digit. */
export function syllablesOf(text: string): string[] {
  const chars = [...text]
  const sounds = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
  // pinyin-pro gives one entry per Han character and keeps runs of other characters together: split those again
  const out: string[] = []
  let i = 0
  for (const sound of sounds) {
    const ch = chars[i]
    if (ch !== undefined && HAN.test(ch)) {
      out.push(sound.toLowerCase())
      i += 1
    } else {
      for (const c of [...sound]) {
        if (/[a-z0-9]/i.test(c)) out.push(c.toLowerCase())
        i += 1
      }
    }
  }
  return out
}

/** A latin query as one run of letters and digits: "gjj tiqu" → "gjjtiqu". */
const latinKey = (q: string) => q.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * Where `key` matches `syllables` read as a run of syllable prefixes (each syllable typed in full, by its initial, or
 * by any prefix: "shebao", "sb", "gjjtiqu"), or -1. The first such start.
 */
export function pinyinMatch(syllables: string[], key: string): number {
  if (!key) return -1
  const n = syllables.length
  const failed = new Set<number>()
  const from = (i: number, j: number): boolean => {
    if (j === key.length) return true
    if (i === n) return false
    const memo = i * (key.length + 1) + j
    if (failed.has(memo)) return false
    const s = syllables[i]!
    for (let k = Math.min(s.length, key.length - j); k >= 1; k -= 1) {
      if (s.startsWith(key.slice(j, j + k)) && from(i + 1, j + k)) return true
    }
    failed.add(memo)
    return false
  }
  for (let start = 0; start < n; start += 1) if (from(start, 0)) return start
  return -1
}

/**
 * How well one alias matches, 0 for not at all. Chinese text: the whole name (100), its start (80), inside it (60);
 * pinyin or initials: from its start (70), inside it (50). A keyword scores 30 less than the name, the department's
 * name 60 less, a synonym's form 5 less than the word itself.
 */
function score(alias: Alias, q: string, key: string): number {
  let base = 0
  if (HAN.test(q)) {
    if (alias.text === q) base = 100
    else if (alias.text.startsWith(q)) base = 80
    else if (alias.text.includes(q)) base = 60
  } else if (key) {
    const at = pinyinMatch(alias.syllables, key)
    if (at === 0) base = 70
    else if (at > 0) base = 50
  }
  if (!base) return 0
  const weight = alias.kind === 'name' ? 0 : alias.kind === 'keyword' ? 30 : 60
  return base - weight - (alias.viaSynonym ? 5 : 0)
}

function expand(text: string, groups: string[][]): string[] {
  const forms = new Set([text])
  for (const group of groups) {
    for (const word of group) {
      if (!text.includes(word)) continue
      for (const other of group) if (other !== word) forms.add(text.replace(word, other))
    }
  }
  return [...forms]
}

function summarise(e: CatalogueEntry): ServiceSummary {
  const toCheck = e.materials.filter((m) => m.evidence === 'A' || m.evidence === 'B')
  return {
    code: e.code,
    name: e.name,
    department: e.department,
    authority: e.authority,
    level: e.level,
    city: e.city,
    channel: e.channel,
    promisedDays: e.limits.promised,
    paperless: toCheck.length > 0 && toCheck.every((m) => m.credential !== undefined),
  }
}

export function buildCatalogue(data: unknown, synonymGroups: string[][]): Catalogue {
  const parsed = CatalogueSchema.parse(data)
  const indexed: Indexed[] = parsed.services.map((entry) => {
    const aliases: Alias[] = []
    const add = (text: string, kind: Alias['kind']) =>
      expand(text, synonymGroups).forEach((form, i) =>
        aliases.push({ text: form, syllables: syllablesOf(form), kind, viaSynonym: i > 0 }),
      )
    add(entry.name, 'name')
    entry.keywords.forEach((k) => add(k, 'keyword'))
    add(hallDepartmentName(entry.department), 'department')
    return { entry, aliases, summary: summarise(entry) }
  })
  const byCode = new Map(indexed.map((s) => [s.entry.code, s]))
  const inCity = (s: Indexed, city: string) => s.entry.city === city || s.entry.level === 'province'
  const byUse = (a: Indexed, b: Indexed) =>
    b.entry.popularity - a.entry.popularity || a.entry.code.localeCompare(b.entry.code)

  return {
    version: parsed.version,
    size: indexed.length,
    get: (code) => byCode.get(code)?.entry,
    summary: (code) => byCode.get(code)?.summary,
    search({ q, city, event, department }) {
      const query = (q ?? '').trim()
      const key = latinKey(query)
      const candidates = indexed.filter(
        (s) =>
          inCity(s, city) &&
          (!event || s.entry.events.includes(event)) &&
          (!department || s.entry.department === department),
      )
      if (!query || (!HAN.test(query) && !key)) return candidates.sort(byUse).map((s) => s.summary)
      return candidates
        .map((s) => ({ s, points: Math.max(0, ...s.aliases.map((a) => score(a, query, key))) }))
        .filter((m) => m.points > 0)
        .sort(
          (a, b) =>
            b.points - a.points ||
            // the city's own service before the province-wide one of the same rank
            Number(b.s.entry.city === city) - Number(a.s.entry.city === city) ||
            byUse(a.s, b.s),
        )
        .map((m) => m.s.summary)
    },
    hot: (city, n) =>
      indexed
        .filter((s) => inCity(s, city))
        .sort(byUse)
        .slice(0, n)
        .map((s) => s.summary),
  }
}

/** The catalogue shipped with the BFF. */
export function loadCatalogue(dir = CATALOGUE_DIR): Catalogue {
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown
  const synonyms = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).parse(read('synonyms.json'))
  return buildCatalogue(read('services.json'), synonyms.groups)
}
