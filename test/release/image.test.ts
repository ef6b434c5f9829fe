// The Docker image's runtime stage, replayed in a temporary folder (no Docker engine here): production-only
// install, the image's command and environment, its health check, and SIGTERM.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERSION } from '../../src/version.js'
import { runProcess, startProcess, type Running } from '../helpers/cli.js'
import { projectDockerfile } from '../helpers/dockerfile.js'
import { ROOT } from '../helpers/env.js'
import { replayImage, type ReplayedImage } from '../helpers/image-replay.js'
import { freePort } from '../helpers/net.js'
import { packageJson } from '../helpers/pack.js'

let folder: string
let image: ReplayedImage
let running: Running
let env: Record<string, string>

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'port-emulator-image-'))
  image = replayImage(projectDockerfile(), ROOT, folder)
  // The image's environment, with a free port in place of 7678 so runs can share a machine.
  env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...image.env, PORT: String(await freePort()) }
  running = await startProcess(image.command[0]!, image.command.slice(1), { cwd: image.workdir, env, ...image.user })
})

afterAll(() => {
  running?.child.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
})

describe('the image, replayed from the Dockerfile', () => {
  it('holds no dev dependency', () => {
    const present = Object.keys(packageJson.devDependencies).filter((d) => existsSync(join(image.workdir, 'node_modules', d)))
    expect(present).toEqual([])
  })

  it('starts with its command and environment and prints its start line', () => {
    expect(running.output()).toContain(`port-emulator ${VERSION} listening on http://127.0.0.1:${env.PORT}`)
  })

  it('passes its health check', async () => {
    const [command = '', ...args] = image.healthcheck
    expect((await runProcess(command, args, { cwd: image.workdir, env, ...image.user })).code).toBe(0)
  })

  it('exits 0 within 2 s of SIGTERM', async () => {
    const { code, ms } = await running.stop('SIGTERM')
    expect(code).toBe(0)
    expect(ms).toBeLessThan(2000)
  })
})
