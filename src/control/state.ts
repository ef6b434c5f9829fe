// /_emulator/reset and /_emulator/state: back to the seed, and complete snapshots out and in.
import type { Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { App } from '../app.js'
import { resetToSeed } from '../seed/reset.js'
import { errorResponses } from '../schemas/common.js'
import { ResetBodySchema, ResetResponseSchema, SnapshotSchema } from '../schemas/state.js'
import { restoreSnapshot, takeSnapshot, type Snapshot } from '../store/snapshot.js'

const tags = ['Emulator']

export const stateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/_emulator/reset', {
    schema: { tags, summary: 'Reset to the seed', body: ResetBodySchema, response: { 200: ResetResponseSchema, ...errorResponses(401, 404, 422) } },
  }, async (request) => ({ ok: true as const, organizations: await resetToSeed(app as unknown as App, request.body?.org) }))

  app.get('/_emulator/state', {
    schema: { tags, summary: 'Export a complete snapshot', response: { 200: SnapshotSchema, ...errorResponses(401) } },
  }, async () => takeSnapshot(app.emulator.orgs) as unknown as Static<typeof SnapshotSchema>)

  app.put('/_emulator/state', {
    bodyLimit: 256 * 1024 * 1024,
    schema: { tags, summary: 'Replace all state with a snapshot', body: SnapshotSchema, response: { 200: ResetResponseSchema, ...errorResponses(401, 413, 422) } },
  }, async (request) => {
    restoreSnapshot(app.emulator.orgs, request.body as unknown as Snapshot)
    app.emulator.changed()
    return { ok: true as const, organizations: app.emulator.orgs.all().map((o) => o.org.id) }
  })
}
