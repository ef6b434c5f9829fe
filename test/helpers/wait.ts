// Waiting for background work (deliveries) without sleeping a fixed time.

/** Polls `probe` every few milliseconds until it returns something other than undefined, or fails after `ms`. */
export async function eventually<T> (probe: () => T | undefined | Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
