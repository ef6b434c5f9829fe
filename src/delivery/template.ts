// Renders Port's payload templates: `{{ jq }}` in strings and keys, `{{ spreadValue() }}`, null keys dropped.
// jq is the real thing (jq-wasm), loaded on first use so it costs nothing at start-up.

const EXPRESSION = /\{\{([\s\S]*?)\}\}/g
const SPREAD = /^\s*\{\{\s*spreadValue\(\)\s*\}\}\s*$/

/** A string that is one expression and nothing else renders to the expression's value, of any JSON type. */
function isWhole (text: string): boolean {
  const matches = [...text.matchAll(EXPRESSION)]
  return matches.length === 1 && text.trim() === matches[0]?.[0]
}

type Jq = (input: unknown, filter: string) => Promise<unknown>
let jqPromise: Promise<Jq> | undefined

async function loadJq (): Promise<Jq> {
  jqPromise ??= import('jq-wasm').then((m) => (input, filter) => m.json(input as object, filter))
  return jqPromise
}

/** A template error: the expression that failed and jq's message. */
export class TemplateError extends Error {}

/**
 * Renders `template` against `data`. All expressions are evaluated in one jq run (one compile, one parse of the
 * data); only when that fails is each evaluated alone, to name the one at fault.
 */
export async function renderTemplate (template: unknown, data: unknown): Promise<unknown> {
  const expressions: string[] = []
  collect(template, expressions)
  if (expressions.length === 0) return template
  const values = await evaluateAll(expressions, data)
  let next = 0
  const value = (): unknown => values[next++]
  return substitute(template, value)
}

function collect (node: unknown, out: string[]): void {
  if (typeof node === 'string') {
    for (const match of node.matchAll(EXPRESSION)) if (!SPREAD.test(match[0])) out.push((match[1] as string).trim())
  } else if (Array.isArray(node)) {
    for (const item of node) collect(item, out)
  } else if (node !== null && typeof node === 'object') {
    for (const [key, item] of Object.entries(node)) {
      collect(key, out)
      collect(item, out)
    }
  }
}

function substitute (node: unknown, value: () => unknown): unknown {
  if (typeof node === 'string') return substituteString(node, value)
  if (Array.isArray(node)) return node.map((item) => substitute(item, value))
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [rawKey, item] of Object.entries(node)) {
    if (SPREAD.test(rawKey)) {
      const spread = substitute(item, value)
      if (spread !== null && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(out, spread)
      else if (spread !== null) throw new TemplateError(`spreadValue() needs an object, got ${JSON.stringify(spread)}`)
      continue
    }
    const key = substituteString(rawKey, value)
    const rendered = substitute(item, value)
    if (key === null || key === undefined) continue
    out[typeof key === 'string' ? key : JSON.stringify(key)] = rendered
  }
  return out
}

function substituteString (text: string, value: () => unknown): unknown {
  if (isWhole(text) && !SPREAD.test(text)) return value()
  if (!text.includes('{{')) return text
  return text.replace(EXPRESSION, (match) => {
    if (SPREAD.test(match)) return match
    const v = value()
    return typeof v === 'string' ? v : JSON.stringify(v)
  })
}

async function evaluateAll (expressions: string[], data: unknown): Promise<unknown[]> {
  const jq = await loadJq()
  const program = `[${expressions.map((e) => `([${e}] | .[0])`).join(', ')}]`
  try {
    return await jq(data, program) as unknown[]
  } catch {
    for (const expression of expressions) {
      try {
        await jq(data, `[${expression}] | .[0]`)
      } catch (error) {
        throw new TemplateError(`jq expression {{ ${expression} }} failed: ${firstLine(error)}`)
      }
    }
    throw new TemplateError('the payload template could not be evaluated')
  }
}

function firstLine (error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0]?.replace(/^Failed to execute JSON query: /, '') ?? ''
}
