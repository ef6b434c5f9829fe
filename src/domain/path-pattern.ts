// One way to name paths in the control plane (fault matchers, journal filters): exact, or `*` for any characters.

/** A path pattern as a RegExp: `*` matches any run of characters, `/` included; everything else is literal. */
export function pathRegex (pattern: string): RegExp {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')
  return new RegExp(`^${source}$`)
}

/** The path of a request URL, without its query string. */
export function pathOf (url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}
