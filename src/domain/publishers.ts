/**
 * The organisation behind a publisher's name, for counting publishers: the name up to its first
 * comma or parenthesis. "World Bank (Global Findex; survey fielded by Gallup, Inc.)", "World Bank,
 * Bureaucracy Lab" and "World Bank (D. Kaufmann and A. Kraay)" are one publisher, the World Bank,
 * so two World Bank datasets never pass for the two independent publishers a theme's evidence needs.
 */
export function publisherOrganisation(publisher: string): string {
  return (publisher.split(/[,(]/)[0] ?? publisher).trim();
}
