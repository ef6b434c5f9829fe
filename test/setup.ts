// Tests never reach outside 127.0.0.1: any other destination fails loudly instead of touching the network.
const realFetch = globalThis.fetch

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`test tried to reach ${url.host}`)
  return realFetch(input, init)
}
