/**
 * A small help-centre web site for the importer's tests: FAQ pages marked up
 * in each way the importer reads, a robots.txt, sitemaps, and pages that go
 * wrong in each way a crawler meets (redirect loop, 404, 500, slow headers,
 * a body that drips or is cut short, huge, not HTML), and a robots.txt
 * that can be slow, broken, huge or redirected; and a redirect to anywhere.
 * It records every request's path, Host and User-Agent, and how many
 * requests were in flight at once. Every stream it sends is bounded and
 * stops when the client goes away.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { drip, stream } from "./slow-responses";

export interface FaqSite {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The same server under another host name: http://localhost:PORT */
  otherHostUrl: string;
  requests: Array<{ path: string; host: string; userAgent: string }>;
  maxInFlight: number;
  /** Bytes of robots.txt written to clients, over all requests for it. */
  robotsBytesSent: number;
  close(): Promise<void>;
}

/**
 * What /robots.txt answers. "rules": a few rules. "huge": 100 MiB, with
 * `Disallow: /private/` at the start and `Disallow: /details.html` after
 * 600 KiB. "slow": the rules, one byte every 100 ms. "broken": 503.
 * `{ redirectTo }`: a 301 there.
 */
export type RobotsMode = "rules" | "huge" | "slow" | "broken" | { redirectTo: string };

/** A child sitemap of /big-index.xml lists two pages of its own ("pages") or one page on the other host name ("offhost"). */
const BIG_INDEX_CHILDREN = 1500;

const page = (title: string, body: string, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const PAGES: Record<string, string> = {
  "/jsonld-graph.html": page("Account help | Example", "<h1>Account</h1>", jsonLd({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "Example" },
      {
        "@type": "FAQPage",
        mainEntity: [
          {
            "@type": "Question",
            "@id": "https://help.example/account#reset",
            name: "How do I reset my password?",
            acceptedAnswer: { "@type": "Answer", text: "<p>Open <a href=\"/settings\">Settings</a> &amp; choose <b>Reset</b>.</p><ul><li>Check your e-mail.</li><li>Follow&nbsp;the link.</li></ul>" },
          },
          {
            "@type": "Question",
            name: "Can I change my e-mail address?",
            url: "https://help.example/account#email",
            suggestedAnswer: [{ "@type": "Answer", text: "Yes, under Profile." }],
          },
        ],
      },
    ],
  })),
  "/jsonld-multi.html": page("Billing", "<h1>Billing questions</h1>",
    jsonLd({ "@context": "https://schema.org", "@type": "FAQPage", mainEntity: { "@type": "Question", name: "Where is my invoice?", acceptedAnswer: { "@type": "Answer", text: "In Billing &gt; Invoices." } } })
    + "<script type=\"application/ld+json\">{ not json</script>"
    + jsonLd([{ "@type": "Organization" }, { "@type": ["WebPage", "FAQPage"], mainEntity: [{ "@type": "Question", name: "Do you offer refunds?", acceptedAnswer: { text: "Within 30 days." } }] }])),
  "/microdata.html": page("Plans", `<h1>Plans and pricing</h1>
    <div itemscope itemtype="https://schema.org/FAQPage">
      <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question" id="upgrade">
        <h2 itemprop="name">Can I upgrade my plan?</h2>
        <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
          <div itemprop="text"><p>Yes.</p><p>Upgrades take effect   at once.</p></div>
        </div>
      </div>
      <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
        <h2 itemprop="name">Is there a free plan?</h2>
        <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><span itemprop="text">No, but there is a 14-day trial.</span></div>
      </div>
    </div>`),
  "/details.html": page("Shipping | Example shop", `<h1>Shipping FAQ</h1>
    <details id="canada"><summary>Do you ship to Canada?</summary><p>Yes, in 5 to 8 days.</p></details>
    <details><summary>How much is shipping?</summary>It depends on weight.<br>See <a href="/rates">our rates</a>.</details>`),
  "/none.html": page("About us", "<h1>About</h1><p>We sell things.</p>"),
  "/private/secret.html": page("Secret", "<details><summary>Secret?</summary>Yes.</details>"),
};

const KIB = 1024;
const RULES = "User-agent: *\nDisallow: /private/\n\nUser-agent: other-bot\nDisallow: /\n";
const robotsFiller = (offset: number) => `# ${"x".repeat(KIB - 3 - String(offset).length)}${offset}\n`;

export async function startFaqSite(options: { robots?: RobotsMode } = {}): Promise<FaqSite> {
  const site: FaqSite = { url: "", otherHostUrl: "", requests: [], maxInFlight: 0, robotsBytesSent: 0, close: async () => {} };
  const robots = options.robots ?? "rules";
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    const { pathname, searchParams } = new URL(path, "http://site");
    site.requests.push({ path, host: req.headers.host ?? "", userAgent: req.headers["user-agent"] ?? "" });
    inFlight += 1;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on("close", () => (inFlight -= 1));
    const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    const xml = (body: string) => res.writeHead(200, { "content-type": "application/xml" }).end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
    const base = `http://${req.headers.host}`;
    if (PAGES[path]) return html(PAGES[path]!);
    const many = /^\/many-(\d+)\.html$/.exec(path);
    if (many) return void setTimeout(() => html(page(`Page ${many[1]}`, `<details><summary>Question ${many[1]}?</summary>Answer ${many[1]}.</details>`)), 150);
    const loc = (url: string) => `<loc>${url.replace(/&/g, "&amp;")}</loc>`;
    const urlset = (urls: string[]) => xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<url>${loc(url)}</url>`).join("")}</urlset>`);
    const sitemapIndex = (urls: string[]) => xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<sitemap>${loc(url)}</sitemap>`).join("")}</sitemapindex>`);
    const bigChild = /^\/big-child-(\d+)\.xml$/.exec(pathname);
    if (bigChild) {
      const i = Number(bigChild[1]);
      return urlset(searchParams.get("kind") === "offhost" ? [`${site.otherHostUrl}/details.html`] : [`${base}/many-${2 * i}.html`, `${base}/many-${2 * i + 1}.html`]);
    }
    switch (pathname) {
      case "/robots.txt":
        if (robots === "slow") return drip(res, "text/plain", RULES, 100);
        if (robots === "broken") return res.writeHead(503, { "content-type": "text/plain" }).end("try later");
        if (typeof robots === "object") return res.writeHead(301, { location: robots.redirectTo }).end();
        if (robots === "huge") {
          res.writeHead(200, { "content-type": "text/plain" });
          const head = "User-agent: *\nDisallow: /private/\n";
          const late = "Disallow: /details.html\n";
          return stream(res, 100 * KIB * KIB, (offset) => (offset === 0 ? head : offset >= 600 * KIB && offset < 601 * KIB ? late : robotsFiller(offset)), (bytes) => (site.robotsBytesSent += bytes));
        }
        return res.writeHead(200, { "content-type": "text/plain" }).end(RULES);
      case "/list.xml":
        return urlset(searchParams.getAll("loc"));
      case "/index.xml":
        return sitemapIndex(searchParams.getAll("loc"));
      case "/big-index.xml":
        return sitemapIndex(Array.from({ length: BIG_INDEX_CHILDREN }, (_, i) => `${base}/big-child-${i}.xml?kind=${searchParams.get("kind") ?? "pages"}`));
      case "/redirect":
        return res.writeHead(302, { location: searchParams.get("to")! }).end();
      case "/slow-drip.html":
        return drip(res, "text/html; charset=utf-8", PAGES["/details.html"]!, 100);
      case "/slow-sitemap.xml":
        return drip(res, "application/xml", `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/details.html</loc></url></urlset>`, 100);
      case "/truncated.html":
        // promises 5000 bytes, sends 60, then drops the connection
        res.writeHead(200, { "content-type": "text/html", "content-length": "5000" });
        return void res.write(PAGES["/details.html"]!.slice(0, 60), () => res.socket?.destroy());
      case "/sitemap-index.xml":
        return xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/sitemap-1.xml</loc></sitemap><sitemap><loc>${base}/sitemap-2.xml</loc></sitemap></sitemapindex>`);
      case "/sitemap-1.xml":
        return xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/jsonld-graph.html</loc></url><url><loc>${base}/private/secret.html</loc></url><url><loc>${site.otherHostUrl}/details.html</loc></url></urlset>`);
      case "/sitemap-2.xml":
        return xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/details.html</loc></url><url><loc>${base}/none.html</loc></url></urlset>`);
      case "/sitemap-many.xml":
        return xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: 10 }, (_, i) => `<url><loc>${base}/many-${i}.html</loc></url>`).join("")}</urlset>`);
      case "/moved":
        return res.writeHead(301, { location: "/details.html" }).end();
      case "/loop-a":
        return res.writeHead(302, { location: "/loop-b" }).end();
      case "/loop-b":
        return res.writeHead(302, { location: "/loop-a" }).end();
      case "/missing":
        return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      case "/broken":
        return res.writeHead(500, { "content-type": "text/html" }).end("<h1>Oops</h1>");
      case "/slow":
        return void setTimeout(() => html(PAGES["/details.html"]!), 3000);
      case "/huge.html": {
        // 6 MB sent in chunks, with no Content-Length: the size must be counted while reading
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = "<p>" + "x".repeat(64 * 1024) + "</p>";
        let sent = 0;
        const write = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", write);
          }
          res.end();
        };
        return write();
      }
      case "/manual.pdf":
        return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
      default:
        return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  site.url = `http://127.0.0.1:${port}`;
  site.otherHostUrl = `http://localhost:${port}`;
  site.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return site;
}
