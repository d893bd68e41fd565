import type { Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { approveDevice, listDevices, retireDevice } from '../../app/devices';
import { send, type SignedIn } from './api-refusal';
import { refusal } from '../refusals';

/** The register of approved devices (s.4): staff read it; the online safety lead approves and retires. */
export function registerDeviceRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/devices',
    signedIn(async (person, _req, res) => {
      const result = await listDevices(deps, person);
      if (result.status === 'not-permitted') return send(res, 403, { error: refusal(result) });
      send(res, 200, { devices: result.devices });
    }),
  );

  server.post(
    '/api/devices',
    signedIn(async (person, req, res) => {
      const result = await approveDevice(deps, person, req.body);
      if (result.status === 'not-permitted') return send(res, 403, { error: refusal(result) });
      if (result.status === 'invalid') return send(res, 422, { error: 'Please correct the fields marked.', errors: result.errors });
      send(res, 201, { device: result.device });
    }),
  );

  server.post(
    '/api/devices/:id/retire',
    signedIn(async (person, req, res) => {
      const id = String(req.params?.id ?? '');
      const version = (req.body as { version?: unknown } | undefined)?.version;
      if (!/^\d{1,12}$/.test(id) || typeof version !== 'number')
        return send(res, 400, { error: 'Send the "version" of the device you were shown.' });
      const result = await retireDevice(deps, person, id, version);
      switch (result.status) {
        case 'not-permitted':
          return send(res, 403, { error: refusal(result) });
        case 'not-found':
          return send(res, 404, { error: 'That device is not in the register.' });
        case 'stale':
          return send(res, 409, { error: 'Someone changed this device meanwhile. Here it is as it is now.', device: result.device });
        case 'ok':
          return send(res, 200, { device: result.device });
      }
    }),
  );
}
