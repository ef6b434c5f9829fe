import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { SETTINGS, shown } from '../src/config.js'

const read = (file: string): Promise<string> => readFile(new URL(`../${file}`, import.meta.url), 'utf8')

describe('configuration docs', () => {
  it.each(Object.values(SETTINGS).map((s) => [s.env, s]))('.env.example documents %s with its default', async (_env, s) => {
    expect(await read('.env.example')).toContain(`${s.env}=${shown(s.default)}\n`)
  })

  it.each(Object.values(SETTINGS).map((s) => [s.env, s]))('the README configuration table lists %s and its flag', async (_env, s) => {
    expect(await read('README.md')).toMatch(new RegExp(`\\| \`${s.env}\` \\| \`${s.flag}\` \\|`))
  })

  it('shows the two set-up commands', async () => {
    const readme = await read('README.md')
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm ci && npm test')
  })
})
