// Pure helpers for the printed QR cards.

/**
 * An SVG document as an image address. Shown through <img>, the server's SVG can never run script or
 * style the page, whatever it contains.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A calendar date YYYY-MM-DD (the server's Vietnam local date) as dd/mm/yyyy; anything else unchanged. */
export function formatDay(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}
