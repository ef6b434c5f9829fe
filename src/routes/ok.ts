// Port's success envelope.

/** `{ ok: true, ...body }`, typed so the route's response schema accepts it. */
export function ok<T extends object> (body: T): { ok: true } & T {
  return { ok: true, ...body }
}
