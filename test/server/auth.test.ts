import { expect, it } from 'vitest';
import { makeAdminSignInLink } from '../../src/server/admin-sign-in-link';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo';
import { normaliseCode, sha256Hex } from '../../src/server/secrets';
import { describeOnEachStore } from '../support/test-stores';
import {
  codeOfLink,
  makeTestDeps,
  newId,
  postJson,
  pullRequest,
  signInAsPanitia,
  TEST_NOW,
} from '../support/test-server';

describeOnEachStore('sign-in with the one-time link', (store) => {
  it('gives a device token once, and never again for the same code', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const link = await makeAdminSignInLink(deps, 'http://localhost:8080');
    expect(link).toMatch(/^http:\/\/localhost:8080\/masuk\?kode=[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const code = codeOfLink(link ?? '');

    const first = await postJson(app, '/api/auth/redeem', {
      code,
      deviceId: newId(),
      deviceName: 'Laptop',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      user: { role: 'panitia' },
      serverTime: TEST_NOW.toISOString(),
    });

    const again = await postJson(app, '/api/auth/redeem', {
      code,
      deviceId: newId(),
      deviceName: 'Laptop 2',
    });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: { code: 'invalid-code', message: 'This code is unknown, already used or expired' },
    });
  });

  it('accepts the code typed in lower case, without the dash', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const code = codeOfLink((await makeAdminSignInLink(deps, 'http://x')) ?? '');
    const typed = code.replace('-', ' ').toLowerCase();
    const result = await postJson(createApp(deps), '/api/auth/redeem', {
      code: typed,
      deviceId: newId(),
      deviceName: 'HP',
    });
    expect(result.status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const code = codeOfLink((await makeAdminSignInLink(deps, 'http://x')) ?? '');
    const dayLater = makeTestDeps(store.db, {
      now: () => new Date(TEST_NOW.getTime() + 24 * 3600_000 + 1),
    });
    const result = await postJson(createApp(dayLater), '/api/auth/redeem', {
      code,
      deviceId: newId(),
      deviceName: 'HP',
    });
    expect(result.status).toBe(400);
  });

  it('names the bad field of a malformed request and enrols nothing', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const bad = await postJson(app, '/api/auth/redeem', {
      code: 'ABCDE-FGHJK',
      deviceId: 'not-a-uuid',
      deviceName: '',
    });
    expect(bad.status).toBe(400);
    const message = (bad.body as { error: { message: string } }).error.message;
    expect(message).toContain('deviceId: must be a lowercase UUID');
    expect(message).toContain('deviceName: must not be empty');
    const notJson = await postJson(app, '/api/auth/redeem', '{"code":');
    expect(notJson.body).toEqual({
      error: { code: 'invalid-json', message: 'The request body is not valid JSON' },
    });
    expect(await store.db.query('SELECT * FROM devices')).toEqual([]);
  });

  it('refuses sync without a token, with an unknown token, and for another device id', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const deviceId = newId();
    expect((await postJson(app, '/api/sync', pullRequest(deviceId, 0))).status).toBe(401);
    expect(
      (await postJson(app, '/api/sync', pullRequest(deviceId, 0), 'x'.repeat(43))).status,
    ).toBe(401);

    const code = codeOfLink((await makeAdminSignInLink(deps, 'http://x')) ?? '');
    const signIn = await postJson(app, '/api/auth/redeem', { code, deviceId, deviceName: 'HP' });
    const { token } = signIn.body as { token: string };
    const other = await postJson(app, '/api/sync', pullRequest(newId(), 0), token);
    expect(other.status).toBe(403);
    expect((await postJson(app, '/api/sync', pullRequest(deviceId, 0), token)).status).toBe(200);
  });

  it('tells whose invite a code is without using it up', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const code = codeOfLink((await makeAdminSignInLink(deps, 'http://x')) ?? '');
    const info = await postJson(app, '/api/auth/invite-info', { code });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ role: 'panitia', name: expect.any(String) as string });
    expect(
      (await postJson(app, '/api/auth/redeem', { code, deviceId: newId(), deviceName: 'HP' }))
        .status,
    ).toBe(200);
    // Spent now: the same question gets the same answer as redeeming would.
    expect(await postJson(app, '/api/auth/invite-info', { code })).toEqual({
      status: 400,
      body: {
        error: { code: 'invalid-code', message: 'This code is unknown, already used or expired' },
      },
    });
    expect((await postJson(app, '/api/auth/invite-info', { code: '' })).status).toBe(400);
  });

  /** The demo on a fresh app, its panitia signed in, and a judge of it to invite. */
  async function demoWithPanitia() {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const { token } = await signInAsPanitia(deps);
    const [judge] = await store.db.query<{ key: string }>(
      `SELECT key FROM records WHERE kind = 'user' AND data->>'role' = 'judge' ORDER BY key LIMIT 1`,
    );
    return { app, token, judge };
  }

  it('a new invite for a person cancels their older unused one, not one already used', async () => {
    const { app, token, judge } = await demoWithPanitia();
    const invite = async () => {
      const made = await postJson(app, '/api/admin/invites', { userId: judge?.key }, token);
      expect(made.status).toBe(201);
      return (made.body as { code: string }).code;
    };
    const redeem = (code: string) =>
      postJson(app, '/api/auth/redeem', { code, deviceId: newId(), deviceName: 'HP juri' });

    const used = await invite();
    expect((await redeem(used)).status).toBe(200);
    const lost = await invite();
    const reissued = await invite();
    const refused = {
      status: 400,
      body: {
        error: { code: 'invalid-code', message: 'This code is unknown, already used or expired' },
      },
    };
    expect(await postJson(app, '/api/auth/invite-info', { code: lost })).toEqual(refused);
    expect(await redeem(lost)).toEqual(refused);
    expect((await redeem(reissued)).status).toBe(200);
    // The used code keeps its record of use: it was not touched by the re-issues.
    const [row] = await store.db.query<{ used_at: Date | null; expires_at: Date }>(
      'SELECT used_at, expires_at FROM sign_in_codes WHERE code_hash = $1',
      [sha256Hex(normaliseCode(used))],
    );
    expect(row?.used_at).not.toBeNull();
    expect(row?.expires_at.getTime()).toBeGreaterThan(TEST_NOW.getTime());
  });

  it('leaves one valid invite when two are made for a person at the same instant', async () => {
    const { app, token, judge } = await demoWithPanitia();
    for (let round = 0; round < 20; round++) {
      const made = await Promise.all(
        [1, 2, 3].map(() => postJson(app, '/api/admin/invites', { userId: judge?.key }, token)),
      );
      expect(made.map((response) => response.status)).toEqual([201, 201, 201]);
      const [valid] = await store.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM sign_in_codes
          WHERE user_id = $1 AND purpose = 'invite' AND used_at IS NULL AND expires_at > $2`,
        [judge?.key, TEST_NOW],
      );
      expect(valid?.count, `round ${round}`).toBe(1);
    }
  });

  it('signs a device out on the server: its token stops working at once', async () => {
    const deps = makeTestDeps(store.db);
    await seedDemoIfEmpty(deps);
    const app = createApp(deps);
    const deviceId = newId();
    const code = codeOfLink((await makeAdminSignInLink(deps, 'http://x')) ?? '');
    const signIn = await postJson(app, '/api/auth/redeem', { code, deviceId, deviceName: 'HP' });
    const { token } = signIn.body as { token: string };
    expect((await postJson(app, '/api/auth/sign-out', {}, token)).status).toBe(200);
    expect((await postJson(app, '/api/sync', pullRequest(deviceId, 0), token)).status).toBe(401);
    expect((await postJson(app, '/api/auth/sign-out', {}, token)).status).toBe(401);
  });
});
