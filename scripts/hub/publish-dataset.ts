import { commit, createRepo, repoExists } from "@huggingface/hub";
import { hubFailure } from "./hub-failure";

export interface PublishOptions {
  repo: string;
  hubUrl: string;
  accessToken: string;
  /** Applies only when the repo is created here. */
  private: boolean;
  license: string;
  title: string;
  files: Map<string, Blob>;
  log: (line: string) => void;
}

export interface PublishedCommit {
  repo: string;
  created: boolean;
  commit: string;
  url: string;
}

/**
 * Publishes the files to a dataset repo in one commit, creating the repo
 * first if it is missing. One commit means a reader sees the old files or
 * the new ones, never a mix.
 */
export async function publishDataset(options: PublishOptions): Promise<PublishedCommit> {
  const repo = { type: "dataset" as const, name: options.repo };
  const { hubUrl, accessToken } = options;
  let created = false;
  try {
    if (!(await repoExists({ repo, hubUrl, accessToken }))) {
      await createRepo({ repo, hubUrl, accessToken, private: options.private, license: options.license });
      created = true;
      options.log(`created ${options.private ? "private" : "public"} dataset ${options.repo}`);
    } else if (options.private) {
      options.log(`dataset ${options.repo} already exists; --private only applies when creating it, its visibility is unchanged`);
    }
  } catch (error) {
    throw hubFailure(`creating dataset ${options.repo}`, error);
  }

  let output;
  try {
    output = await commit({
      repo,
      hubUrl,
      accessToken,
      title: options.title,
      operations: [...options.files].map(([path, content]) => ({ operation: "addOrUpdate" as const, path, content })),
    });
  } catch (error) {
    throw hubFailure(`committing to ${options.repo}`, error);
  }
  if (!output) throw new Error(`committing to ${options.repo} returned no commit`);
  options.log(`committed ${options.files.size} files to ${options.repo}: ${output.commit.url}`);
  return { repo: options.repo, created, commit: output.commit.oid, url: output.commit.url };
}
