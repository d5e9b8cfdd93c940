// A redirect the fetch returned instead of following it (redirect: 'manual'): the client and the
// mock's proxy never follow one, since it would carry the key and the body wherever it points.

/** One of the fetch standard's redirect statuses (301, 302, 303, 307, 308), or a browser's opaque redirect (status 0). */
export function isRedirect(response: Response): boolean {
  return [301, 302, 303, 307, 308].includes(response.status) || response.type === 'opaqueredirect';
}
