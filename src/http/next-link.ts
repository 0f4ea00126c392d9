/** A `Link: <…>; rel="next"` header for the page after this one, when there is one. */
export function nextLink(requestUrl: string, nextCursor: string | null): Record<string, string> {
  if (!nextCursor) return {};
  const next = new URL(requestUrl);
  next.searchParams.set('cursor', nextCursor);
  return { link: `<${next.pathname}${next.search}>; rel="next"` };
}
