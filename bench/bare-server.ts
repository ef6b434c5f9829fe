// The yardstick: a bare Fastify + TypeBox app with routes shaped like the emulator's hottest ones.
import Fastify from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { destination, pino } from 'pino'

const Run = Type.Object({ id: Type.String(), status: Type.String(), action: Type.String(), properties: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(), updatedAt: Type.String() })
const run = { id: 'r_0000000000000001', status: 'IN_PROGRESS', action: 'create_microservice', properties: { name: 'svc', region: 'eu-west-1' }, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }

// `info`: Fastify's default request logging (two lines a request) to stderr, written like the emulator's.
const logged = process.argv[2] === 'info'
const app = Fastify(logged ? { loggerInstance: pino({ level: 'info' }, destination({ dest: 2, sync: false })) } : { logger: false }).withTypeProvider<TypeBoxTypeProvider>()
app.get('/v1/actions/runs/:run_id', {
  schema: { params: Type.Object({ run_id: Type.String() }), response: { 200: Type.Object({ ok: Type.Literal(true), run: Run }) } },
}, async () => ({ ok: true as const, run }))
app.patch('/v1/actions/runs/:run_id', {
  schema: {
    params: Type.Object({ run_id: Type.String() }),
    body: Type.Object({ statusLabel: Type.Optional(Type.String()), link: Type.Optional(Type.Array(Type.String())) }, { additionalProperties: false }),
    response: { 200: Type.Object({ ok: Type.Literal(true), run: Run }) },
  },
}, async () => ({ ok: true as const, run: { ...run, updatedAt: new Date().toISOString() } }))
app.post('/v1/actions/runs/:run_id/logs', {
  schema: { params: Type.Object({ run_id: Type.String() }), body: Type.Object({ message: Type.String() }, { additionalProperties: false }) },
}, async (_request, reply) => reply.code(201).send({ ok: true, runLog: { id: 'log_1', message: 'x' } }))
app.get('/_emulator/health', async () => ({ status: 'ready' }))

const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`${JSON.stringify({ url })}\n`)
process.on('SIGTERM', () => { app.close().then(() => process.exit(0), () => process.exit(1)) })
