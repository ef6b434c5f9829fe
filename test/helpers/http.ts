// A test app on a real socket (port 0) and a small JSON client for it.
import { buildTestApp, type TestApp, type TestAppOptions } from './app.js'

export interface Served {
  app: TestApp
  url: string
  /** JSON request with the given bearer token; resolves with status and parsed body. */
  request: (method: string, path: string, body?: unknown, token?: string) => Promise<{ status: number, body: any }>
}

export async function serveTestApp (options: TestAppOptions = {}): Promise<Served> {
  const app = await buildTestApp(options)
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const request: Served['request'] = async (method, path, body, token) => {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    const text = await response.text()
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
  }
  return { app, url, request }
}
