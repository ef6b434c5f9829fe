// One HTTP attempt at a runner's webhook, bounded by a timeout; never throws.

export interface WebhookRequest { url: string, method: string, headers: Record<string, string>, body: string }
export interface AttemptOutcome { status: number | null, body: string, latencyMs: number, error: string | null }

/** Sends `request` once. Connection errors and timeouts come back as `error`, not as exceptions. */
export async function attemptWebhook (request: WebhookRequest, timeoutMs: number): Promise<AttemptOutcome> {
  const started = performance.now()
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.method === 'GET' ? {} : { body: request.body }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    })
    const body = await response.text()
    return { status: response.status, body, latencyMs: elapsed(started), error: null }
  } catch (error) {
    const e = error as Error & { cause?: { code?: string, message?: string } }
    const reason = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message)
    return { status: null, body: '', latencyMs: elapsed(started), error: reason }
  }
}

/** Whether a failed attempt is worth another: connection errors, timeouts and 5xx. */
export function retryable (outcome: AttemptOutcome): boolean {
  return outcome.status === null || outcome.status >= 500
}

function elapsed (started: number): number {
  return Math.round((performance.now() - started) * 100) / 100
}
