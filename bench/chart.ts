/** Draws vectors per second against N, log-log, one line per engine, as a dependency-free SVG. */
export function kernelChartSvg(rows: Record<string, Record<string, number>>): string {
  const sizes = Object.keys(rows).map(Number).sort((a, b) => a - b);
  const engines = Object.keys(rows[sizes[0]!]!);
  const colors = ["#d62728", "#ff7f0e", "#7f7f7f", "#9467bd", "#1f77b4", "#2ca02c"];
  const width = 640, height = 400, left = 70, right = 150, top = 30, bottom = 50;
  const values = sizes.flatMap((n) => engines.map((e) => rows[n]![e]!)).filter((v) => v > 0);
  const [minY, maxY] = [Math.log10(Math.min(...values)) - 0.2, Math.log10(Math.max(...values)) + 0.2];
  const [minX, maxX] = [Math.log10(sizes[0]!), Math.log10(sizes[sizes.length - 1]!)];
  const x = (n: number) => left + ((Math.log10(n) - minX) / (maxX - minX || 1)) * (width - left - right);
  const y = (v: number) => top + (1 - (Math.log10(v) - minY) / (maxY - minY)) * (height - top - bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="18" font-size="14">top-5 search, 384-d: vectors per second (log scale)</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="black"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="black"/>`,
  ];
  for (const n of sizes) parts.push(`<text x="${x(n)}" y="${height - bottom + 18}" text-anchor="middle">N = ${n.toLocaleString("en")}</text>`);
  for (let p = Math.ceil(minY); p <= Math.floor(maxY); p++) {
    parts.push(`<line x1="${left - 4}" y1="${y(10 ** p)}" x2="${width - right}" y2="${y(10 ** p)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 8}" y="${y(10 ** p) + 4}" text-anchor="end">1e${p}</text>`);
  }
  engines.forEach((engine, i) => {
    const points = sizes.map((n) => `${x(n).toFixed(1)},${y(rows[n]![engine]!).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${colors[i % colors.length]}" stroke-width="2" points="${points.join(" ")}"/>`);
    const last = sizes[sizes.length - 1]!;
    parts.push(`<text x="${width - right + 8}" y="${y(rows[last]![engine]!) + 4}" fill="${colors[i % colors.length]}">${engine}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
