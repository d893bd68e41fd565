import { randomUUID } from 'node:crypto';
import { readAll } from '../../../app/read-all';
import type { RegisteredPost } from '../../../domain/consent/takedown';
import type { Versioned } from '../../../ports/collection.port';
import type { PostStore } from '../../../ports/stores.port';
import type { GraphApi } from '../graph-api';
import { LISTS } from './lists';
import { SharePointCollection, type ListLocation } from './sharepoint-collection';
import type { SiteLists } from './site-lists';

/**
 * One pupil shown in one post, by the post's record key. A post shows several pupils and a list
 * column filters on one value, so the posts showing a pupil are found through these items,
 * indexed by pupil (the "Pupils in posts" list).
 */
export interface PostPupilLink {
  id: string;
  postKey: string;
  pupilId: string;
}

export type PostPupilLinks = SharePointCollection<PostPupilLink, 'pupilId' | 'postKey'>;

/**
 * Posts on a SharePoint list, each linked to the pupils it shows. The links are written first:
 * a post is never stored without the links that find it (a link left by a post that then failed
 * points at nothing, and is skipped).
 */
export class SharePointPostStore extends SharePointCollection<RegisteredPost, 'accountId'> implements PostStore {
  constructor(
    graph: GraphApi,
    list: ListLocation,
    private readonly links: PostPupilLinks,
  ) {
    super(graph, list, LISTS.posts);
  }

  override async insert(record: Omit<RegisteredPost, 'id'>): Promise<Versioned<RegisteredPost>> {
    const key = randomUUID();
    await this.links.insertMany(record.pupilIds.map((pupilId) => ({ postKey: key, pupilId })));
    return this.insertKeyed(record, key);
  }

  override async insertMany(records: Omit<RegisteredPost, 'id'>[]): Promise<Versioned<RegisteredPost>[]> {
    const keys = records.map(() => randomUUID());
    await this.links.insertMany(records.flatMap((record, index) => record.pupilIds.map((pupilId) => ({ postKey: keys[index]!, pupilId }))));
    return this.insertManyKeyed(records, keys);
  }

  override async update(record: Versioned<RegisteredPost>): Promise<Versioned<RegisteredPost>> {
    const key = await this.keyOf(record.id);
    if (key) await this.linkMissing([{ key, pupilIds: record.pupilIds }]);
    return super.update(record);
  }

  /** One round trip for the links, and one per 20 posts: never every post. */
  async showing(pupilId: string): Promise<Versioned<RegisteredPost>[]> {
    const links = await readAll((cursor) => this.links.find({ where: { pupilId }, limit: 999, ...(cursor ? { cursor } : {}) }));
    const posts = await this.byKeys([...new Set(links.map((link) => link.postKey))]);
    return posts.filter((post) => post.pupilIds.includes(pupilId)).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * Links the posts stored before the list of links existed (provisioning runs it after an
   * upgrade; it writes nothing once every post is linked). Answers how many links it wrote.
   */
  async linkEveryPost(): Promise<number> {
    const posts = await this.everyKeyed();
    return this.linkMissing(posts.map(({ key, record }) => ({ key, pupilIds: record.pupilIds })));
  }

  private async linkMissing(posts: { key: string; pupilIds: readonly string[] }[]): Promise<number> {
    const linked = new Set(
      (await readAll((cursor) => this.links.find({ limit: 999, ...(cursor ? { cursor } : {}) }))).map(
        (link) => `${link.postKey}|${link.pupilId}`,
      ),
    );
    const missing = posts.flatMap(({ key, pupilIds }) =>
      pupilIds.filter((pupilId) => !linked.has(`${key}|${pupilId}`)).map((pupilId) => ({ postKey: key, pupilId })),
    );
    if (missing.length > 0) await this.links.insertMany(missing);
    return missing.length;
  }
}

/** The posts and their links, on the lists where `SiteLists` finds them. */
export function sharePointPosts(graph: GraphApi, lists: SiteLists): SharePointPostStore {
  return new SharePointPostStore(
    graph,
    lists.location('posts'),
    new SharePointCollection(graph, lists.location('postPupils'), LISTS.postPupils),
  );
}
