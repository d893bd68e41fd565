import type { Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { attachPostingMedia, detachPostingMedia, type ChangeMediaResult, type MediaRefusal } from '../../app/media/change-posting-media';
import type { MediaServices } from '../../app/media/media-services';
import { openPostingMedia } from '../../app/media/read-posting-media';
import { listRequests, requestStepsFor, viewRequest } from '../../app/requests/view-request';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { Person } from '../../domain/people/person';
import { MEDIA_LIMITS } from '../../domain/media/media-file';
import { refuse, send, type SignedIn } from './api-refusal';
import { postingDetail, postingSummary } from './posting-presenter';
import { OUTCOME_ANSWERS } from '../outcomes';
import { incomingFile, sendFile } from './file-responses';

/** The one route whose body is a file, not JSON: the server reads it as it arrives. */
export const MEDIA_UPLOAD_PATH = /^\/api\/posting-requests\/\d{1,12}\/media$/;

const NOT_YOURS =
  'You can see only your own requests to post, and those you took a step on; the headteacher, the DSL and designated staff see them all.';

export type MediaRouteDeps = MediaServices & { background: BackgroundTasks };

/** Requests to post in the tab: the request with its files, the files themselves, and adding or removing files. */
export function registerPostingMediaRoutes(server: Server, deps: AppDeps, media: MediaRouteDeps, signedIn: SignedIn): void {
  server.get(
    '/api/posting-requests',
    signedIn(async (person, _req, res) => {
      res.json({ items: (await listRequests(deps, 'postingRequest', person, { limit: 50 })).items.map(postingSummary) });
    }),
  );

  server.get(
    '/api/posting-requests/:id',
    signedIn(async (person, req, res) => {
      const found = await viewRequest(deps, 'postingRequest', person, String(req.params.id ?? ''));
      if (found.status === 'not-found') return send(res, 404, { error: 'There is no such request to post.' });
      if (found.status === 'not-permitted') return refuse(res, 403, NOT_YOURS);
      send(res, 200, postingDetail(found.request, person, found.steps));
    }),
  );

  server.get(
    '/api/posting-requests/:id/media/:fileId',
    signedIn(async (person, req, res) => {
      const opened = await openPostingMedia(deps, media, person, String(req.params.id ?? ''), String(req.params.fileId ?? ''));
      if (opened.status === 'not-permitted') return refuse(res, 403, NOT_YOURS);
      if (opened.status === 'not-found') return send(res, 404, { error: 'There is no such file on this request.' });
      if (opened.status === 'deleted')
        return send(res, 410, {
          error:
            'This file was deleted after the keeping period, as the school keeps photos and videos only for a short time after a request ends.',
        });
      await sendFile(res, opened.file, opened.contentType, opened.bytes);
    }),
  );

  server.post(
    '/api/posting-requests/:id/media',
    signedIn(async (person, req, res) => {
      const file = incomingFile(req, res);
      if (!file) return;
      const result = await attachPostingMedia(deps, media, person, String(req.params.id ?? ''), file);
      if (result.status !== 'ok') res.setHeader('Connection', 'close');
      await answer(deps, res, result, person, 201);
    }),
  );

  server.del(
    '/api/posting-requests/:id/media/:fileId',
    signedIn(async (person, req, res) => {
      await answer(
        deps,
        res,
        await detachPostingMedia(deps, media, person, String(req.params.id ?? ''), String(req.params.fileId ?? '').slice(0, 64)),
        person,
        200,
      );
    }),
  );
}

/** A refused file's own status where it says more than the outcome's (413 too big, 409 too many). */
const REFUSED: Partial<Record<MediaRefusal['code'], number>> = { 'too-many': 409, 'too-big': 413, 'not-found': 404 };

async function answer(deps: AppDeps, res: Response, result: ChangeMediaResult, person: Person, doneStatus: number): Promise<void> {
  switch (result.status) {
    case 'ok':
      return send(res, doneStatus, {
        request: postingDetail(result.request, person, await requestStepsFor(deps, 'postingRequest', person, result.request)),
        ...(result.file ? { fileId: result.file.id } : {}),
      });
    case 'not-found':
      return send(res, OUTCOME_ANSWERS['not-found'].status, { error: 'There is no such request to post.' });
    case 'not-saved':
      return send(res, OUTCOME_ANSWERS['not-saved'].status, {
        error:
          "Nothing was changed because the school's records or its file store could not be reached. Please try again in a few minutes.",
      });
    default:
      return send(res, REFUSED[result.code] ?? OUTCOME_ANSWERS[result.status].status, {
        error: result.message,
        code: result.code,
        limits: { files: MEDIA_LIMITS.files, imageBytes: MEDIA_LIMITS.imageBytes, videoBytes: MEDIA_LIMITS.videoBytes },
      });
  }
}
