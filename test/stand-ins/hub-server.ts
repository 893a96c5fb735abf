/**
 * A local HTTP stand-in for the few Hugging Face Hub endpoints that
 * `@huggingface/hub` calls to create a dataset repo, commit to it (with LFS
 * uploads over the "basic" transfer) and download files from it. It keeps
 * every commit in memory so tests can check, byte for byte, what arrived.
 * Writes and private reads need `Authorization: Bearer <token>`.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HubCommit {
  oid: string;
  title: string;
  description: string;
  /** Every file in the repo at this commit. */
  files: Map<string, Uint8Array>;
  /** Paths that arrived through LFS in this commit. */
  lfsPaths: string[];
}

export interface HubRepo {
  name: string;
  private: boolean;
  license: string | undefined;
  commits: HubCommit[];
}

export interface HubRequest {
  method: string;
  path: string;
  authorized: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const NAME = "([\\w.-]+/[\\w.-]+)";

class HubError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

export class HubStandIn {
  readonly repos = new Map<string, HubRepo>();
  readonly requests: HubRequest[] = [];
  /** LFS objects by repo then oid, uploaded before the commit that names them. */
  private readonly lfs = new Map<string, Map<string, Uint8Array>>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  url = "";

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Puts a repo in place directly, as if someone else had published it. */
  addRepo(name: string, files: Record<string, string | Uint8Array>, isPrivate = false): HubCommit {
    const repo: HubRepo = { name, private: isPrivate, license: undefined, commits: [] };
    this.repos.set(name, repo);
    const content = new Map(Object.entries(files).map(([path, data]) => [path, typeof data === "string" ? new TextEncoder().encode(data) : data]));
    return this.addCommit(repo, "Upload files", "", content, []);
  }

  head(name: string): HubCommit | undefined {
    return this.repos.get(name)?.commits.at(-1);
  }

  private addCommit(repo: HubRepo, title: string, description: string, files: Map<string, Uint8Array>, lfsPaths: string[]): HubCommit {
    const parent = repo.commits.at(-1)?.oid ?? "";
    const hash = createHash("sha1").update(`${parent}\n${title}\n`);
    for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${path}\0${sha256(bytes)}\n`);
    const commit = { oid: hash.digest("hex"), title, description, files, lfsPaths };
    repo.commits.push(commit);
    return commit;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const authorized = req.headers.authorization === `Bearer ${this.token}`;
    this.requests.push({ method: req.method ?? "", path: url.pathname, authorized });
    try {
      const body = await readBody(req);
      await this.route(req.method ?? "", url.pathname, body, authorized, req, res);
    } catch (error) {
      const e = error instanceof HubError ? error : new HubError(500, String(error));
      res.writeHead(e.status, { "content-type": "application/json", ...(e.code && { "x-error-code": e.code }) });
      res.end(JSON.stringify({ error: e.message }));
    }
  }

  private repoFor(name: string, authorized: boolean): HubRepo {
    const repo = this.repos.get(name);
    if (!repo || (repo.private && !authorized)) throw new HubError(404, "Repository not found", "RepositoryNotFound");
    return repo;
  }

  private async route(method: string, path: string, body: Buffer, authorized: boolean, req: IncomingMessage, res: ServerResponse) {
    const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    const requireAuth = () => {
      if (!authorized) throw new HubError(401, "Invalid credentials in Authorization header");
    };
    let match: RegExpExecArray | null;

    if (method === "GET" && (match = new RegExp(`^/api/datasets/${NAME}$`).exec(path))) {
      const repo = this.repoFor(match[1]!, authorized);
      return json(200, { id: repo.name, private: repo.private, sha: repo.commits.at(-1)?.oid });
    }
    if (method === "POST" && path === "/api/repos/create") {
      requireAuth();
      const request = JSON.parse(body.toString("utf8")) as { name: string; organization: string; type: string; visibility?: string; license?: string };
      if (request.type !== "dataset") throw new HubError(400, `this stand-in only hosts datasets, not ${request.type}`);
      const name = `${request.organization}/${request.name}`;
      if (this.repos.has(name)) throw new HubError(409, "You already created this dataset repo");
      const repo: HubRepo = { name, private: request.visibility === "private", license: request.license, commits: [] };
      this.repos.set(name, repo);
      this.addCommit(repo, "initial commit", "", new Map([[".gitattributes", new TextEncoder().encode("*.bin filter=lfs diff=lfs merge=lfs -text\n")]]), []);
      return json(200, { url: `${this.url}/datasets/${name}`, name, id: sha256(new TextEncoder().encode(name)).slice(0, 24) });
    }
    if (method === "POST" && (match = new RegExp(`^/api/datasets/${NAME}/preupload/main$`).exec(path))) {
      requireAuth();
      this.repoFor(match[1]!, authorized);
      const { files } = JSON.parse(body.toString("utf8")) as { files: Array<{ path: string; size: number; sample: string }> };
      // Like the Hub: binary files and anything past 10 MB go through LFS.
      const isBinary = (sample: string) => Buffer.from(sample, "base64").includes(0);
      return json(200, { files: files.map((f) => ({ path: f.path, uploadMode: f.path.endsWith(".bin") || f.size > 10e6 || isBinary(f.sample) ? "lfs" : "regular" })) });
    }
    if (method === "POST" && (match = new RegExp(`^/datasets/${NAME}\\.git/info/lfs/objects/batch$`).exec(path))) {
      requireAuth();
      const name = match[1]!;
      this.repoFor(name, authorized);
      const { objects } = JSON.parse(body.toString("utf8")) as { objects: Array<{ oid: string; size: number }> };
      const stored = this.lfs.get(name) ?? new Map<string, Uint8Array>();
      this.lfs.set(name, stored);
      return json(200, {
        transfer: "basic",
        objects: objects.map(({ oid, size }) => ({ oid, size, ...(!stored.has(oid) && { actions: { upload: { href: `${this.url}/__lfs/${name}/${oid}` } } }) })),
      });
    }
    if (method === "PUT" && (match = new RegExp(`^/__lfs/${NAME}/([0-9a-f]{64})$`).exec(path))) {
      const [, name, oid] = match as unknown as [string, string, string];
      if (sha256(body) !== oid) throw new HubError(400, "uploaded bytes do not match their oid");
      this.lfs.get(name)?.set(oid, new Uint8Array(body));
      return res.writeHead(200).end();
    }
    if (method === "POST" && (match = new RegExp(`^/api/datasets/${NAME}/commit/main$`).exec(path))) {
      requireAuth();
      const repo = this.repoFor(match[1]!, authorized);
      return json(200, this.commit(repo, body.toString("utf8")));
    }
    if (method === "GET" && (match = new RegExp(`^/datasets/${NAME}/resolve/([^/]+)/(.+)$`).exec(path))) {
      const [, name, revision, file] = match as unknown as [string, string, string, string];
      return this.resolve(this.repoFor(name, authorized), decodeURIComponent(revision), decodeURIComponent(file), req, res);
    }
    throw new HubError(404, `no stand-in route for ${method} ${path}`);
  }

  private commit(repo: HubRepo, ndjson: string) {
    const lines = ndjson.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { key: string; value: Record<string, unknown> });
    const header = lines[0];
    if (header?.key !== "header") throw new HubError(400, "a commit starts with its header");
    const files = new Map(repo.commits.at(-1)?.files ?? []);
    const lfsPaths: string[] = [];
    for (const { key, value } of lines.slice(1)) {
      const path = String(value.path);
      if (key === "file") {
        if (value.encoding !== "base64") throw new HubError(400, "file content must be base64");
        files.set(path, new Uint8Array(Buffer.from(String(value.content), "base64")));
      } else if (key === "lfsFile") {
        const bytes = this.lfs.get(repo.name)?.get(String(value.oid));
        if (!bytes || bytes.length !== value.size) throw new HubError(422, `LFS object for ${path} was not uploaded`);
        files.set(path, bytes);
        lfsPaths.push(path);
      } else if (key === "deletedFile") {
        files.delete(path);
      } else {
        throw new HubError(400, `unknown commit operation ${key}`);
      }
    }
    const commit = this.addCommit(repo, String(header.value.summary ?? ""), String(header.value.description ?? ""), files, lfsPaths);
    return { commitOid: commit.oid, commitUrl: `${this.url}/datasets/${repo.name}/commit/${commit.oid}` };
  }

  private resolve(repo: HubRepo, revision: string, file: string, req: IncomingMessage, res: ServerResponse) {
    const commit = revision === "main" ? repo.commits.at(-1) : repo.commits.find((c) => c.oid === revision);
    if (!commit) throw new HubError(404, `Invalid rev id: ${revision}`, "RevisionNotFound");
    const bytes = commit.files.get(file);
    if (!bytes) throw new HubError(404, "Entry not found", "EntryNotFound");
    const headers = { etag: `"${sha256(bytes)}"`, "content-type": "application/octet-stream", "accept-ranges": "bytes" };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (!range) return res.writeHead(200, { ...headers, "content-length": bytes.length }).end(bytes);
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
    res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${bytes.length}` }).end(bytes.subarray(start, end + 1));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
