// The optional state file: loaded at start, saved (debounced) after changes and on shutdown. Saves write a
// temporary file and rename it over the old one, so a crash never leaves a half-written state file.
import { open, readFile, rename } from 'node:fs/promises'
import { Value } from '@sinclair/typebox/value'
import type { Logger } from 'pino'
import { SnapshotSchema } from '../schemas/state.js'
import type { OrgRegistry } from '../store/orgs.js'
import { takeSnapshot, type Snapshot } from '../store/snapshot.js'

/** How long after a change the file is written; changes in between share the write. */
export const SAVE_DELAY_MS = 200

/** The snapshot in `path`; undefined when there is no file; throws with a clear message when it is unusable. */
export async function loadStateFile (path: string): Promise<Snapshot | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`cannot read the state file ${path}: ${(error as Error).message}`)
  }
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw new Error(`the state file ${path} is not valid JSON (is it truncated?); it was left untouched`)
  }
  if (!Value.Check(SnapshotSchema, document)) {
    const version = (document as { version?: unknown } | null)?.version
    throw new Error(`the state file ${path} is not a port-emulator state of version 1 (found version ${JSON.stringify(version)}); it was left untouched`)
  }
  return document as unknown as Snapshot
}

/** Saves the organizations to `path` after changes, never two writes at once, and once more on `flush()`. */
export class StateFile {
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> | undefined
  private dirty = false

  constructor (private readonly path: string, private readonly orgs: OrgRegistry, private readonly log?: Logger) {}

  /** Something changed: write within SAVE_DELAY_MS. */
  changed (): void {
    this.dirty = true
    this.timer ??= setTimeout(() => { this.timer = undefined; this.save().catch(() => {}) }, SAVE_DELAY_MS)
  }

  /** Writes now if anything changed since the last write (called on shutdown). */
  async flush (): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    await this.writing
    if (this.dirty) await this.save()
  }

  private async save (): Promise<void> {
    while (this.writing !== undefined) await this.writing
    if (!this.dirty) return
    this.dirty = false
    this.writing = this.write(JSON.stringify(takeSnapshot(this.orgs)))
      .catch((error: unknown) => { this.dirty = true; this.log?.error({ err: error }, 'saving the state file failed') })
      .finally(() => { this.writing = undefined })
    await this.writing
  }

  private async write (text: string): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`
    const file = await open(temporary, 'w')
    try {
      await file.writeFile(text)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, this.path)
  }
}
