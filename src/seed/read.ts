// Reading a seed file (JSON or YAML) and checking its structure, with every problem listed at once.
import { readFile } from 'node:fs/promises'
import { Value } from '@sinclair/typebox/value'
import { SeedSchema, type Seed } from '../schemas/seed.js'

/** The seed in `path`, or the list of everything wrong with it. */
export async function readSeedFile (path: string): Promise<{ seed: Seed } | { errors: string[] }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return { errors: [`cannot read ${path}: ${(error as Error).message}`] }
  }
  let document: unknown
  try {
    document = path.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text)
  } catch (error) {
    return { errors: [`${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0] ?? ''}`] }
  }
  return checkSeed(document, path)
}

/** `document` as a Seed, or one message per structural problem (`organizations/0/clientId: …`). */
export function checkSeed (document: unknown, source = 'seed'): { seed: Seed } | { errors: string[] } {
  if (Value.Check(SeedSchema, document)) return { seed: document }
  const errors = [...Value.Errors(SeedSchema, document)]
    .filter((e) => !(e.schema as { anyOf?: unknown }).anyOf)
    .map((e) => `${source}: ${e.path === '' ? '(root)' : e.path.slice(1)}: ${e.message}`)
  return { errors: [...new Set(errors)] }
}
