// A stand-in for the CLI's process: signals are emitted by the test, exit() is recorded instead of ending vitest.
import { EventEmitter } from 'node:events'
import type { CliProcess } from '../../src/cli.js'

export interface FakeProcess extends CliProcess {
  /** Delivers a signal to the listeners the code under test registered. */
  signal: (name: 'SIGTERM' | 'SIGINT') => void
  /** Resolves with the code of the first exit() call. */
  exited: Promise<number>
  lines: string[]
}

export function fakeProcess (): FakeProcess {
  const events = new EventEmitter()
  const lines: string[] = []
  let exit: (code: number) => void = () => {}
  const exited = new Promise<number>((resolve) => { exit = resolve })
  return {
    stdout: { write: (s: string) => lines.push(s) },
    stderr: { write: (s: string) => lines.push(s) },
    on: (signal, listener) => events.on(signal, listener),
    exit: ((code: number) => { exit(code) }) as CliProcess['exit'],
    signal: (name) => { events.emit(name) },
    exited,
    lines,
  }
}
