// Files bundled as text by wrangler (see [[rules]] in wrangler.toml).
declare module "*.widget.js" {
  const source: string;
  export default source;
}
declare module "*.html" {
  const html: string;
  export default html;
}
