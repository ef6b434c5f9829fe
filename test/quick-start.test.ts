// The README's quick start, run as written (with the port the test's emulator got) against the real command.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCli, runProcess } from './helpers/cli.js'
import { ROOT } from './helpers/env.js'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

function quickStart (): string {
  const section = readme.slice(readme.indexOf('## Quick start'))
  const match = /```sh\n([\s\S]*?)```/.exec(section)
  if (match?.[1] === undefined) throw new Error('no quick start block')
  return match[1]
}

describe('the README', () => {
  it('quick start ends with the run SUCCESS, its logs and its entity, on a fresh emulator', async () => {
    const running = await startCli()
    const port = new URL(running.url).port
    const { code, stdout } = await runProcess('bash', ['-euo', 'pipefail', '-c', quickStart().replaceAll(':7678', `:${port}`)], {})
    await running.stop()
    expect(code).toBe(0)
    expect(stdout).toMatch(/"status":"SUCCESS"/)
    expect(stdout).toMatch(/"message":"Demo runner: done"[\s\S]*"identifier":"my-service"/)
  })

  it('shows examples/in-process.test.ts verbatim as the in-process example', () => {
    expect(readme).toContain(`\`\`\`ts\n${readFileSync(join(ROOT, 'examples/in-process.test.ts'), 'utf8')}\`\`\``)
  })
})
