import { describe, expect, it } from 'vitest'
import { SETTINGS } from '../src/config.js'
import { commandOf, envOf, instructionsOf, parseDockerfile, projectDockerfile } from './helpers/dockerfile.js'
import { packageJson } from './helpers/pack.js'

// The key lines of the image, which no Docker engine here can build; test/release replays the rest.
const stages = projectDockerfile()
const runtime = stages.at(-1)!
const runs = instructionsOf(runtime, 'RUN').map((i) => i.args)

describe('Dockerfile', () => {
  it('builds in one stage and runs from another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    expect(instructionsOf(runtime, 'COPY').some((i) => i.flags.from === stages[0]!.name)).toBe(true)
  })

  it('runs on an official Node.js LTS image, 22 or 24, slim or alpine', () => {
    expect(runtime.from).toMatch(/^node:(22|24)(\.\d+)*-(alpine|(\w+-)?slim)[\w.]*(@sha256:[0-9a-f]{64})?$/)
  })

  it('installs production dependencies only, without install scripts', () => {
    expect(runs.filter((r) => /\bnpm (ci|install)\b/.test(r))).toEqual([expect.stringMatching(/npm ci --omit=dev --ignore-scripts/)])
  })

  it('runs as an unprivileged user', () => {
    expect(instructionsOf(runtime, 'USER').at(-1)?.args).toMatch(/^(?!root$|0$)\w+$/)
  })

  it('listens on every interface on the default port, which it exposes', () => {
    expect(envOf(runtime)).toMatchObject({ HOST: '0.0.0.0', PORT: String(SETTINGS.port.default) })
    expect(instructionsOf(runtime, 'EXPOSE').map((i) => i.args)).toEqual([String(SETTINGS.port.default)])
  })

  it("checks health with the emulator's own health subcommand", () => {
    expect(instructionsOf(runtime, 'HEALTHCHECK').at(-1)?.exec).toEqual(['node', packageJson.bin['port-emulator'], 'health'])
  })

  it('starts the package bin with node in exec form, so signals reach it', () => {
    expect(commandOf(runtime)).toEqual(['node', packageJson.bin['port-emulator']])
  })
})

describe('the Dockerfile reader', () => {
  it('joins continuation lines and reads exec forms and flags', () => {
    const [stage] = parseDockerfile('FROM node:24-alpine AS x\nENV A=1 \\\n    B="two words"\nHEALTHCHECK --interval=2s CMD ["node", "h"]\n')
    expect(envOf(stage!)).toEqual({ A: '1', B: 'two words' })
    expect(instructionsOf(stage!, 'HEALTHCHECK')[0]).toMatchObject({ flags: { interval: '2s' }, exec: ['node', 'h'] })
  })
})
