// Files bundled as text by wrangler (see [[rules]] in wrangler.toml).
declare module "*.widget.js" {
  const source: string;
  export default source;
}
declare module "*.dashboard.js" {
  const source: string;
  export default source;
}
declare module "*.html" {
  const html: string;
  export default html;
}
declare module "*.css" {
  const css: string;
  export default css;
}
declare module "uplot/dist/uPlot.iife.min.js" {
  const source: string;
  export default source;
}
