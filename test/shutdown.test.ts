import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { closeOnSignal } from '../src/serve.js'
import { fakeProcess } from './helpers/fake-process.js'

/** An app whose onClose hook (where webhook deliveries and the state file finish) waits for `release`. */
function appWithSlowCloseHook (): { app: ReturnType<typeof buildApp>, closeHookRan: () => boolean, release: () => void } {
  const app = buildApp()
  let ran = false
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => { release = resolve })
  app.addHook('onClose', async () => { await held; ran = true })
  return { app, closeHookRan: () => ran, release }
}

describe('closeOnSignal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('runs the onClose hooks, then resolves 0 on %s', async (signal) => {
    const { app, closeHookRan, release } = appWithSlowCloseHook()
    const proc = fakeProcess()
    const done = closeOnSignal(app, proc, (line) => proc.lines.push(line))
    proc.signal(signal)
    release()
    expect(await done).toBe(0)
    expect(closeHookRan()).toBe(true)
  })

  it('exits 1 when onClose work outlasts the grace period', async () => {
    const { app, release } = appWithSlowCloseHook()
    const proc = fakeProcess()
    closeOnSignal(app, proc, (line) => proc.lines.push(line), 10)
    proc.signal('SIGTERM')
    expect(await proc.exited).toBe(1)
    expect(proc.lines.join('\n')).toContain('work still in flight after 10 ms')
    release()
  })

  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('exits at once on a second signal (%s: %i)', async (signal, code) => {
    const { app, release } = appWithSlowCloseHook()
    const proc = fakeProcess()
    closeOnSignal(app, proc, (line) => proc.lines.push(line), 60_000)
    proc.signal('SIGTERM')
    proc.signal(signal)
    expect(await proc.exited).toBe(code)
    release()
  })
})
