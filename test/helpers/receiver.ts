// A real HTTP receiver on 127.0.0.1:0 that records every request and answers as told.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received { method: string, path: string, headers: IncomingHttpHeaders, body: string }
export interface Reply { status: number, body?: string, delayMs?: number }

export interface Receiver {
  url: string
  received: Received[]
  /** Replies to the next requests, in order; after them every request gets `fallback`. */
  replies: Reply[]
  fallback: Reply
  /** Resolves once `n` requests have arrived. */
  waitFor: (n: number) => Promise<Received[]>
  close: () => Promise<void>
}

export async function startReceiver (fallback: Reply = { status: 200, body: '{"ok":true}' }): Promise<Receiver> {
  const received: Received[] = []
  const waiters: Array<{ n: number, resolve: (r: Received[]) => void }> = []
  const receiver: Receiver = {
    url: '',
    received,
    replies: [],
    fallback,
    waitFor: async (n) => received.length >= n ? received : new Promise((resolve) => waiters.push({ n, resolve })),
    close: async () => { await new Promise((resolve) => { server.closeAllConnections(); server.close(resolve) }) },
  }
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => { body += chunk })
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
      for (const w of waiters.filter((w) => received.length >= w.n)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(received) }
      const reply = receiver.replies.shift() ?? receiver.fallback
      setTimeout(() => { res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '') }, reply.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return receiver
}

/** The address of a port nothing listens on (a receiver that is down). */
export async function deadUrl (): Promise<string> {
  const r = await startReceiver()
  await r.close()
  return r.url
}
