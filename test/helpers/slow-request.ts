// A request the client keeps in flight: headers and half the body now, the rest when the test says so.
// Slowness comes from the client side, so the product needs no test-only route.
import { Agent, request, type IncomingHttpHeaders } from 'node:http'

export interface SlowRequest {
  /** Sends the rest of the body and resolves with the response. */
  finish: () => Promise<{ status: number, headers: IncomingHttpHeaders, body: string }>
  /** Settles when the server answers or the connection fails. */
  settled: Promise<unknown>
  /** Drops the connection; until then it stays open after the response, as a pooling client keeps it. */
  close: () => void
}

/**
 * Starts `POST path` with a JSON body over a keep-alive connection (as fetch and most clients use) and resolves once
 * the server holds it: `Expect: 100-continue` makes the server say so before the body is sent.
 */
export async function startSlowRequest (url: string, path: string, body: unknown): Promise<SlowRequest> {
  const text = JSON.stringify(body)
  const agent = new Agent({ keepAlive: true })
  const req = request(new URL(path, url), {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), expect: '100-continue' },
  })
  const response = new Promise<{ status: number, headers: IncomingHttpHeaders, body: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let received = ''
      res.on('data', (d) => { received += String(d) })
      res.once('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: received }) })
    })
    req.once('error', reject)
  })
  response.catch(() => {}) // a test that never finishes the request only looks at `settled`
  await new Promise<void>((resolve, reject) => {
    req.once('continue', () => { req.write(text.slice(0, 10)); resolve() })
    req.once('error', reject)
    req.flushHeaders()
  })
  return {
    finish: async () => { req.end(text.slice(10)); return response },
    settled: response.then(() => {}, () => {}),
    close: () => agent.destroy(),
  }
}
