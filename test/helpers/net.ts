// Free ports on the loopback interface, for commands that take a port rather than listen on 0.
import { createServer } from 'node:net'

/** A port nothing listens on right now. */
export async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}
