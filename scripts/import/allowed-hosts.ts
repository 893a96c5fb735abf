/**
 * The hosts an import may reach: the host of every URL the user named with
 * --from-page or --sitemap, and each --allow-host. Every request the fetcher
 * makes (page, sitemap, child sitemap, robots.txt, every redirect of each)
 * is checked against this one set, so no path can wander off it. A host is
 * host:port as a URL writes it (lower case, default port left out), so
 * 127.0.0.1:8080, 127.0.0.1:8081 and localhost:8080 are three hosts.
 */
export class AllowedHosts {
  private readonly hosts: ReadonlySet<string>;

  constructor(hosts: Iterable<string>) {
    this.hosts = new Set([...hosts].map(normaliseHost));
  }

  /** The hosts of the http(s) URLs among `sources` (local files have none), and `extra`. */
  static of(sources: string[], extra: string[]): AllowedHosts {
    const hosts: string[] = [];
    for (const source of sources) {
      if (!/^https?:\/\//i.test(source)) continue;
      try {
        hosts.push(new URL(source).host);
      } catch {
        // not a URL: it fails on its own with its own message
      }
    }
    return new AllowedHosts([...hosts, ...extra]);
  }

  has(host: string): boolean {
    return this.hosts.has(host);
  }
}

/** "Example.com:80" and "example.com" are the same http host; URL.host writes it the second way. */
function normaliseHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  try {
    return new URL(`http://${trimmed}`).host;
  } catch {
    return trimmed;
  }
}

/** The end of a failure line for a refused host: which host, and how to admit it. */
export const hostRefused = (host: string) => `host ${host} is not allowed (--allow-host ${host} admits it)`;
