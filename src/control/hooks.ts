// The hooks every request passes: the request journal records it, and injected faults may delay, fail or drop it.
// They run on every request, so they stay synchronous, keep references rather than copies, and allocate one record.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { Ctx } from '../domain/context.js'
import { CONTROL_PREFIX, faultError, takeFault } from '../domain/faults.js'
import { pathOf } from '../domain/path-pattern.js'
import type { Emulator } from '../emulator.js'
import type { StoredFault } from '../store/faults.js'
import type { RequestEntry } from '../store/requests.js'

/** Bodies longer than this many characters are kept cut to it. */
export const JOURNAL_BODY_LIMIT = 16 * 1024

// Reading the journal is not recorded in it, and neither are health checks (CI polls them every few seconds).
const UNRECORDED = ['/_emulator/requests', '/_emulator/health']
const QUESTION_MARK = 63

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's journal entry; null for requests the journal leaves out. */
    journalEntry: RequestEntry | null
  }
}

/** Installs the journal and fault hooks on `app` (before routes are registered). */
export function installControlHooks (app: FastifyInstance, emulator: Emulator): void {
  const journal = emulator.requestJournal
  const faults = emulator.faults.active
  // Faults waiting out their delay; closing the app settles them at once instead of waiting.
  const delayed = new Map<() => void, NodeJS.Timeout>()
  app.decorateRequest('journalEntry', null)

  // The JSON parser already has the body as a string: the journal keeps that string, never a second serialization.
  const parseJson = app.getDefaultJsonParser(app.initialConfig.onProtoPoisoning ?? 'error', app.initialConfig.onConstructorPoisoning ?? 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string
    const entry = request.journalEntry
    if (entry !== null) {
      entry.requestBody = clip(text)
      entry.requestBodyLength = text.length
    }
    parseJson(request, text, done)
  })

  app.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '/'
    if (!isJournalRoute(url)) {
      const entry: RequestEntry = {
        id: request.id,
        at: emulator.clock.now(),
        method: request.raw.method ?? 'GET',
        url,
        headers: request.raw.headers,
        requestBody: null,
        requestBodyLength: 0,
        responseBody: null,
        responseBodyLength: 0,
        status: null,
        durationMs: null,
        orgId: null,
        fault: null,
      }
      journal.add(entry)
      request.journalEntry = entry
    }
    if (faults.length === 0 || url.startsWith(CONTROL_PREFIX)) {
      done()
      return
    }
    const fault = takeFault(emulator.faults, request.raw.method ?? 'GET', pathOf(url), emulator.random)
    if (fault === undefined) {
      done()
      return
    }
    if (request.journalEntry !== null) request.journalEntry.fault = fault.id
    if (fault.delayMs === 0) {
      applyFault(fault, request, reply, done)
      return
    }
    const settle = (): void => {
      clearTimeout(delayed.get(settle))
      delayed.delete(settle)
      applyFault(fault, request, reply, done)
    }
    delayed.set(settle, setTimeout(settle, fault.delayMs))
  })

  app.addHook('onSend', (request, reply, payload, done) => {
    const entry = request.journalEntry
    if (entry !== null) {
      entry.status = reply.statusCode
      entry.durationMs = reply.elapsedTime
      entry.orgId = (request.ctx as Ctx | null | undefined)?.org.org.id ?? null
      if (typeof payload === 'string') {
        entry.responseBody = clip(payload)
        entry.responseBodyLength = payload.length
      }
    }
    done(null, payload)
  })

  app.addHook('preClose', (done) => {
    for (const settle of delayed.keys()) settle()
    done()
  })
}

function applyFault (fault: StoredFault, request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (fault.drop) {
    const entry = request.journalEntry
    if (entry !== null) entry.durationMs = reply.elapsedTime
    request.journalEntry = null
    reply.hijack()
    reply.raw.destroy()
    return
  }
  if (fault.status === null) done()
  else done(faultError(fault))
}

function isJournalRoute (url: string): boolean {
  return UNRECORDED.some((path) => url.startsWith(path) && (url.length === path.length || url.charCodeAt(path.length) === QUESTION_MARK))
}

// A cut copy, not a slice: a slice would keep the whole (up to 1 MiB) string alive.
function clip (text: string): string {
  return text.length <= JOURNAL_BODY_LIMIT ? text : Buffer.from(text.slice(0, JOURNAL_BODY_LIMIT)).toString()
}
