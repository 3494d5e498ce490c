/** A product slug: lowercase words joined by single dashes, safe in a URL path. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
